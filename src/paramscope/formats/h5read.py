"""Everything paramscope reads through h5py, run in a bounded child process.

The functions named ``read_*`` run in the child started by
:func:`paramscope.formats.bounded.run_bounded` and ``send`` plain JSON messages
back: the legacy ``.h5`` file's ``model_config`` text, and the stored weight
*shapes* (never values) of a legacy ``model_weights`` group or of a
``.keras`` archive's ``model.weights.h5``.  The walk over an HDF5 file visits
each object once (hard or soft links back to a parent group cannot make it
loop) and never follows an external link (which would open another file).
"""

from __future__ import annotations

import io
import os
import struct
import zipfile

#: A compressed ``model.weights.h5`` is inflated in memory up to this size (its real
#: size, counted while inflating, whatever its header says); larger ones are not checked.
MAX_IN_MEMORY = 512 * 1024 * 1024
#: Groups in a weights file that hold state which is not a weight.
NOT_WEIGHTS = ("seed_generator",)
#: What a damaged HDF5 file can raise through h5py while only metadata is read.
READ_ERRORS = (OSError, ValueError, KeyError, RuntimeError, TypeError, AttributeError,
               UnicodeDecodeError, zipfile.BadZipFile, EOFError, OverflowError)


def attr_text(value):
    """An HDF5 string attribute as text (it may be bytes, numpy bytes or a 0-d array)."""
    if hasattr(value, "tolist") and not isinstance(value, (bytes, str)):
        value = value.tolist()
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


def names(value):
    """A list of names from an attribute (``layer_names``, ``weight_names``)."""
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (bytes, str)):
        value = [value]
    if not isinstance(value, (list, tuple)):
        value = [value]
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in value]


# ---------------------------------------------------------------------------
# walking an HDF5 file
# ---------------------------------------------------------------------------
def _child(group, key):
    """``group[key]`` unless the link is external or dangling (then None)."""
    link = group.get(key, getlink=True)
    if link is None or type(link).__name__ == "ExternalLink":
        return None
    try:
        return group[key]
    except KeyError:  # a soft link to nothing
        return None


def resolve(group, path):
    """``group[path]`` walked one link at a time, None where a link is external or missing."""
    item = group.file if path.startswith("/") else group
    for part in path.split("/"):
        if not part or part == ".":
            continue
        if not hasattr(item, "keys"):
            return None
        item = _child(item, part)
        if item is None:
            return None
    return item


def datasets(group):
    """The datasets under ``group``, each object once, skipping groups that hold state
    which is not a weight."""
    found, seen, stack = [], {group.id}, [group]
    while stack:
        current = stack.pop()
        for key in sorted(current.keys()):
            item = _child(current, key)
            if item is None or item.id in seen:
                continue
            seen.add(item.id)
            if hasattr(item, "keys"):
                if not any(tag in key for tag in NOT_WEIGHTS):
                    stack.append(item)
            elif hasattr(item, "shape"):
                found.append(item)
    return found


def dataset_shapes(group):
    return [_shape(ds) for ds in datasets(group)]


def _shape(dataset):
    shape = dataset.shape
    return [int(d) for d in shape] if shape is not None else []


# ---------------------------------------------------------------------------
# legacy .h5
# ---------------------------------------------------------------------------
def read_legacy_file(source, max_config_bytes, with_weights, send):
    """Child: ``{"config": text}`` (or what went wrong), then ``{"weights": {...}}``."""
    import h5py
    try:
        f = h5py.File(source, "r")
    except (OSError, ValueError, RuntimeError) as e:
        send({"open_error": str(e)})
        return
    with f:
        try:
            if "model_config" in f.attrs:
                size = f.attrs.get_id("model_config").get_storage_size()
                if size > max_config_bytes:
                    send({"too_large": size})
                    return
            raw = f.attrs.get("model_config")
            version = f.attrs.get("keras_version")
            has_weights = "model_weights" in f
            has_optimizer_weights = "optimizer_weights" in f
            weights_only = raw is None and (
                "layer_names" in f.attrs or "model_weights" in f or "layers" in f or "vars" in f)
        except READ_ERRORS as e:
            send({"config_error": str(e)})
            return
        message = {"has_weights": has_weights, "weights_only": weights_only,
                   "has_optimizer_weights": has_optimizer_weights}
        try:
            message["config"] = attr_text(raw)
        except UnicodeDecodeError as e:
            message["not_utf8"] = str(e)
        if not isinstance(message.get("config"), (str, type(None))):
            message["not_text"] = type(message.pop("config")).__name__
        try:  # model.compile's arguments, as Keras saved them (the optimizer's config)
            if "training_config" in f.attrs and \
                    f.attrs.get_id("training_config").get_storage_size() <= max_config_bytes:
                training = attr_text(f.attrs.get("training_config"))
                if isinstance(training, str):
                    message["training_config"] = training
        except (UnicodeDecodeError, *READ_ERRORS):
            pass  # not needed for the summary: the profile then uses its default optimizer
        try:
            message["keras_version"] = attr_text(version)
        except UnicodeDecodeError:
            pass
        if not isinstance(message.get("keras_version"), (str, type(None))):
            message.pop("keras_version")
        send(message)
        if with_weights and has_weights and "config" in message:
            try:
                send({"weights": legacy_weight_shapes(f["model_weights"])})
            except READ_ERRORS as e:
                send({"weights_error": f"{type(e).__name__}: {e}"})


def legacy_weight_shapes(group):
    """``{layer name: [shape, ...]}`` from ``model_weights`` (``layer_names``/``weight_names``)."""
    stored = {}
    for layer_name in names(group.attrs.get("layer_names")):
        sub = resolve(group, layer_name)
        shapes = []
        if sub is not None and hasattr(sub, "attrs"):
            for weight_name in names(sub.attrs.get("weight_names")):
                item = resolve(sub, weight_name)
                if item is not None and not hasattr(item, "keys") and hasattr(item, "shape"):
                    shapes.append(_shape(item))
        stored[layer_name] = shapes
    return stored


# ---------------------------------------------------------------------------
# .keras: model.weights.h5 inside the zip
# ---------------------------------------------------------------------------
class _Slice(io.RawIOBase):
    """A read-only window on a seekable file: one stored (uncompressed) zip member."""

    def __init__(self, base, offset, size):
        self._base = base
        self._offset = offset
        self._size = size
        self._pos = 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._pos

    def seek(self, pos, whence=0):
        if whence == 0:
            self._pos = pos
        elif whence == 1:
            self._pos += pos
        else:
            self._pos = self._size + pos
        self._pos = max(0, self._pos)
        return self._pos

    def readinto(self, buffer):
        n = max(0, min(len(buffer), self._size - self._pos))
        if n == 0:
            return 0
        self._base.seek(self._offset + self._pos)
        data = self._base.read(n)
        buffer[:len(data)] = data
        self._pos += len(data)
        return len(data)


def _inflate(zf, info, limit):
    """A compressed member's bytes, counted while inflating: None past ``limit``."""
    chunks, size = [], 0
    with zf.open(info) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def member_file(zf, source, member):
    """A file object on a zip member for h5py, without extracting it to disk (None if it is
    compressed and larger than :data:`MAX_IN_MEMORY`).

    A stored member is read in place (a window on the archive, as large as the archive
    really is); a compressed one is inflated into memory, its real size counted.
    """
    info = zf.getinfo(member)
    if info.compress_type == zipfile.ZIP_STORED:
        base = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source
        base.seek(info.header_offset)
        header = base.read(30)
        if len(header) == 30 and header[:4] == b"PK\x03\x04":
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            offset = info.header_offset + 30 + name_len + extra_len
            end = base.seek(0, 2)
            return _Slice(base, offset, max(0, min(info.file_size, end - offset)))
    if info.file_size > MAX_IN_MEMORY:
        return None
    data = _inflate(zf, info, MAX_IN_MEMORY)
    return None if data is None else io.BytesIO(data)


def read_keras_weights(source, member, send):
    """Child: ``{"weights": {"optimizer": [params, bytes] | None, "layers": [[key, name,
    shapes], ...] | None}}``, or ``{"skipped": reason}``."""
    import h5py
    zf = zipfile.ZipFile(source)  # the child's own file and offsets, not the parent's
    fileobj = member_file(zf, source, member)
    if fileobj is None:
        send({"skipped": f"{member} is compressed and too large to check in memory"})
        return
    with h5py.File(fileobj, "r") as f:
        send({"weights": keras_weight_shapes(f)})


def keras_weight_shapes(f):
    data = {"optimizer": None, "layers": None}
    optimizer = _child(f, "optimizer") if "optimizer" in f else None
    if optimizer is not None and hasattr(optimizer, "keys"):
        params, nbytes = 0, 0
        for ds in datasets(optimizer):
            size = 1
            for d in _shape(ds):
                size *= d
            params += size
            nbytes += size * int(ds.dtype.itemsize)
        data["optimizer"] = [params, nbytes]
    group = _child(f, "layers") if "layers" in f else None
    if group is None or not hasattr(group, "keys"):
        return data
    layers = []
    for key in group.keys():
        item = _child(group, key)
        if item is None or not hasattr(item, "keys"):
            layers.append([key, None, []])
            continue
        vars_group = _child(item, "vars") if "vars" in item else None
        stored_name = None
        if vars_group is not None and hasattr(vars_group, "attrs") and "name" in vars_group.attrs:
            stored_name = vars_group.attrs["name"]
            if isinstance(stored_name, bytes):
                stored_name = stored_name.decode("utf-8")
            stored_name = str(stored_name)
        layers.append([key, stored_name, dataset_shapes(item)])
    data["layers"] = layers
    return data
