"""Cross-check stored weight shapes against the computed ones.

A ``.keras`` archive's ``model.weights.h5`` keeps each layer's variables
under ``layers/<key>/vars/<i>`` (``<key>`` is the snake-cased class name made
unique within its container, as Keras's ``saving_lib`` names it; recent Keras
also records the layer name as an attribute); a legacy ``.h5`` file lists
them under ``model_weights/<layer>`` with ``weight_names``.  Only dataset
*shapes* (HDF5 metadata) are read, never the arrays.

Every layer whose stored shapes differ from paramscope's (as a multiset: the
order of a layer's variables is an implementation detail) is reported by name:
as a warning on the model, and by :func:`weight_mismatches`.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from dataclasses import dataclass, field
from typing import List, Optional

from .. import naming

#: Weights files larger than this are not copied to memory when compressed.
MAX_IN_MEMORY = 512 * 1024 * 1024
#: Groups in a weights file that hold state which is not a weight.
_NOT_WEIGHTS = ("seed_generator",)
_MAX_WARNINGS = 20


@dataclass
class WeightMismatch:
    """A layer whose weights in the file do not match the computed ones."""

    layer: str
    class_name: str
    #: Shapes paramscope computed (sorted), ``None`` if the layer is not in the model.
    expected: Optional[List[tuple]]
    #: Shapes stored in the file (sorted), ``None`` if the file has no entry for the layer.
    stored: Optional[List[tuple]]

    @property
    def message(self) -> str:
        who = f"layer '{self.layer}'" + (f" ({self.class_name})" if self.class_name else "")
        if self.stored is None:
            return (f"{who}: the file stores no weights for it, but paramscope computes "
                    f"{_shapes(self.expected)}")
        if self.expected is None:
            return (f"the file stores weights {_shapes(self.stored)} for a layer '{self.layer}' "
                    "that the model does not have")
        return (f"{who}: the file stores weights of shapes {_shapes(self.stored)}, paramscope "
                f"computes {_shapes(self.expected)}")


@dataclass
class WeightReport:
    """The outcome of the weights cross-check of one loaded file."""

    checked: bool
    reason: str = ""
    layers_checked: int = 0
    mismatches: List[WeightMismatch] = field(default_factory=list)
    #: Optimizer variables stored in a ``.keras`` archive: count and bytes.
    optimizer_params: Optional[int] = None
    optimizer_bytes: Optional[float] = None

    @property
    def ok(self) -> bool:
        return self.checked and not self.mismatches


def _shapes(shapes):
    return "[" + ", ".join(str(tuple(s)) for s in shapes) + "]"


def weight_report(model) -> Optional[WeightReport]:
    """The cross-check result of a model read from a file (``None`` if there was none)."""
    return getattr(model, "_weight_report", None)


def weight_mismatches(model) -> List[WeightMismatch]:
    """Layers whose stored weight shapes differ from the computed ones (empty if unchecked)."""
    report = weight_report(model)
    return list(report.mismatches) if report else []


# ---------------------------------------------------------------------------
def _class_name(layer):
    return getattr(layer, "class_name", None) or type(layer).__name__


def _expected(layer):
    return sorted((tuple(w.shape) for w in layer.weights), key=_shape_key)


def _shape_key(shape):
    return (len(shape), tuple(-1 if d is None else d for d in shape))


def _saved_layers(model):
    """The layers Keras's saving walks, in its order: Functional ``layers`` (with
    InputLayers), Sequential ``layers`` (without), never bare operations."""
    from ..graph import Sequential
    from ..layers.base import InputLayer
    layers = [l for l in model.layers if not getattr(l, "_is_keras_operation", False)]
    order = getattr(model, "_config_layer_names", None)
    if order:
        rank = {name: i for i, name in enumerate(order)}
        layers.sort(key=lambda l: rank.get(l.name, len(rank)))
    if isinstance(model, Sequential):
        layers = [l for l in layers if not isinstance(l, InputLayer)]
    return layers


def _finish(model, report, source):
    model._weight_report = report
    if report.mismatches:
        shown = report.mismatches[:_MAX_WARNINGS]
        for m in shown:
            model._warnings.append(f"{source}: weights disagree: {m.message}")
        if len(report.mismatches) > len(shown):
            model._warnings.append(f"{source}: weights disagree for "
                                   f"{len(report.mismatches) - len(shown)} more layer(s)")
    return report


# ---------------------------------------------------------------------------
# legacy .h5: model_weights/<layer> with weight_names
# ---------------------------------------------------------------------------
def _names(value):
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (bytes, str)):
        value = [value]
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in value]


#: What a damaged HDF5 file can raise through h5py while we only read metadata.
_READ_ERRORS = (OSError, ValueError, KeyError, RuntimeError, TypeError, AttributeError,
                UnicodeDecodeError, zipfile.BadZipFile)


def _unreadable(model, source, error):
    report = WeightReport(checked=False, reason=f"the weights could not be read: {error}")
    model._weight_report = report
    model._warnings.append(f"{source}: the stored weights could not be read ({error}); their "
                           "shapes were not cross-checked (the file may be damaged).")
    return report


def check_legacy_group(model, f, source):
    """Compare ``model_weights`` of a legacy .h5 file (an open h5py File) with the model."""
    try:
        return _check_legacy_group(model, f["model_weights"], source)
    except _READ_ERRORS as e:
        return _unreadable(model, source, e)


def _check_legacy_group(model, group, source):
    stored = {}
    for layer_name in _names(group.attrs.get("layer_names")):
        if layer_name not in group:
            stored[layer_name] = []
            continue
        sub = group[layer_name]
        shapes = []
        for weight_name in _names(sub.attrs.get("weight_names")):
            if weight_name in sub:
                shapes.append(tuple(sub[weight_name].shape))
        stored[layer_name] = sorted(shapes, key=_shape_key)
    report = WeightReport(checked=True)
    layers = _saved_layers(model)
    names = set()
    for layer in layers:
        names.add(layer.name)
        expected = _expected(layer)
        if layer.name not in stored:
            if expected:
                report.mismatches.append(WeightMismatch(layer.name, _class_name(layer), expected, None))
            continue
        report.layers_checked += 1
        if stored[layer.name] != expected:
            report.mismatches.append(
                WeightMismatch(layer.name, _class_name(layer), expected, stored[layer.name]))
    for name, shapes in stored.items():
        if name not in names and shapes:
            report.mismatches.append(WeightMismatch(name, "", None, shapes))
    return _finish(model, report, source)


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


def _member_file(zf, source, member):
    """A file object on a zip member for h5py, without extracting it to disk.

    A stored member is read in place (a window on the archive); a compressed
    one is decompressed into memory if it is not too large.
    """
    info = zf.getinfo(member)
    if info.compress_type == zipfile.ZIP_STORED:
        base = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source
        base.seek(info.header_offset)
        header = base.read(30)
        if len(header) == 30 and header[:4] == b"PK\x03\x04":
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            offset = info.header_offset + 30 + name_len + extra_len
            return _Slice(base, offset, info.file_size), base
        if base is not source:
            base.close()
    if info.file_size > MAX_IN_MEMORY:
        return None, None
    return io.BytesIO(zf.read(member)), None


def check_keras_archive(model, zf, source, name):
    """Compare ``model.weights.h5`` of a .keras archive with the model (if h5py is there)."""
    members = zf.namelist()
    if "model.weights.h5" not in members:
        other = [m for m in members if m.endswith((".h5", ".npz", ".weights.json"))]
        model._weight_report = WeightReport(
            checked=False, reason="the archive holds no model.weights.h5"
            + (f" (weights in {', '.join(other)} are not checked)" if other else ""))
        return model._weight_report
    try:
        import h5py
    except ImportError:
        model._weight_report = WeightReport(
            checked=False, reason="h5py is not installed (pip install 'paramscope[h5]')")
        return model._weight_report
    fileobj, owned = None, None
    try:
        fileobj, owned = _member_file(zf, source, "model.weights.h5")
        if fileobj is None:
            model._weight_report = WeightReport(checked=False, reason="model.weights.h5 is "
                                                "compressed and too large to check in memory")
            return model._weight_report
        with h5py.File(fileobj, "r") as f:
            report = _check_keras_weights(model, f)
    except _READ_ERRORS as e:
        return _unreadable(model, name, e)
    finally:
        if owned is not None:
            owned.close()
    return _finish(model, report, name)


def _datasets(group, path=""):
    """(path, dataset) under an h5py group, without reading any data."""
    out = []
    stack = [(group, path)]
    while stack:
        g, p = stack.pop()
        for key in sorted(g.keys()):
            item = g[key]
            sub = f"{p}/{key}" if p else key
            if hasattr(item, "keys"):
                if any(tag in key for tag in _NOT_WEIGHTS):
                    continue
                stack.append((item, sub))
            else:
                out.append((sub, item))
    return out


def _check_keras_weights(model, f):
    from ..graph import Functional, Sequential
    report = WeightReport(checked=True)
    if "optimizer" in f:
        params, nbytes = 0, 0
        for _, ds in _datasets(f["optimizer"]):
            size = 1
            for d in ds.shape:
                size *= d
            params += size
            nbytes += size * ds.dtype.itemsize
        report.optimizer_params, report.optimizer_bytes = params, float(nbytes)
    if not isinstance(model, (Functional, Sequential)) or "layers" not in f:
        report.checked = "layers" in f
        if not report.checked:
            report.reason = "the weights file has no layers group"
        return report
    group = f["layers"]
    layers = _saved_layers(model)
    # Keras names each entry after the class (dense, dense_1, ...) in layer order.
    used, keys = {}, {}
    for layer in layers:
        base = naming.to_snake_case(_class_name(layer))
        if base in used:
            used[base] += 1
            keys[layer.name] = f"{base}_{used[base]}"
        else:
            used[base] = 0
            keys[layer.name] = base
    # Recent Keras also records the layer's name on its vars group: prefer it.
    by_name = {}
    for key in group.keys():
        item = group[key]
        vars_group = item.get("vars") if hasattr(item, "get") else None
        if vars_group is not None and "name" in vars_group.attrs:
            stored_name = vars_group.attrs["name"]
            if isinstance(stored_name, bytes):
                stored_name = stored_name.decode("utf-8")
            by_name[str(stored_name)] = key
    if by_name and all(l.name in by_name for l in layers):
        keys = {l.name: by_name[l.name] for l in layers}
    claimed = set()
    for layer in layers:
        key = keys[layer.name]
        expected = _expected(layer)
        if key not in group:
            if expected:
                report.mismatches.append(WeightMismatch(layer.name, _class_name(layer), expected, None))
            continue
        claimed.add(key)
        stored = sorted((tuple(ds.shape) for _, ds in _datasets(group[key])), key=_shape_key)
        report.layers_checked += 1
        if stored != expected:
            report.mismatches.append(WeightMismatch(layer.name, _class_name(layer), expected, stored))
    for key in group.keys():
        if key in claimed:
            continue
        stored = sorted((tuple(ds.shape) for _, ds in _datasets(group[key])), key=_shape_key)
        if stored:
            report.mismatches.append(WeightMismatch(key, "", None, stored))
    return report
