"""Cross-check stored weight shapes against the computed ones.

A ``.keras`` archive's ``model.weights.h5`` keeps each layer's variables
under ``layers/<key>/vars/<i>`` (``<key>`` is the snake-cased class name made
unique within its container, as Keras's ``saving_lib`` names it; recent Keras
also records the layer name as an attribute); a legacy ``.h5`` file lists
them under ``model_weights/<layer>`` with ``weight_names``.  Only dataset
*shapes* (HDF5 metadata) are read, never the arrays, by
:mod:`paramscope.formats.h5read` in a child process bounded in time and
memory (:mod:`paramscope.formats.bounded`); this module compares them.

Every layer whose stored shapes differ from paramscope's (as a multiset: the
order of a layer's variables is an implementation detail) is reported by name:
as a warning on the model, and by :func:`weight_mismatches`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from .. import naming
from . import bounded

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
def unreadable(model, source, error):
    """The weights could not be read (the reader failed, timed out, ...): a warning."""
    report = WeightReport(checked=False, reason=f"the weights could not be read: {error}")
    model._weight_report = report
    model._warnings.append(f"{source}: the stored weights could not be read ({error}); their "
                           "shapes were not cross-checked (the file may be damaged).")
    return report


def check_legacy_shapes(model, stored, source):
    """Compare what :func:`h5read.legacy_weight_shapes` read with the model."""
    stored = {name: sorted((tuple(s) for s in shapes), key=_shape_key)
              for name, shapes in stored.items()}
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
        import h5py  # noqa: F401 - imported before the reader forks, so it is there once
    except ImportError:
        model._weight_report = WeightReport(
            checked=False, reason="h5py is not installed (pip install 'paramscope[h5]')")
        return model._weight_report
    from . import h5read
    try:
        messages = bounded.run_bounded(
            lambda send: h5read.read_keras_weights(source, "model.weights.h5", send))
    except bounded.ReaderFailed as e:
        return unreadable(model, name, describe_failure(e))
    message = messages[0] if messages else {}
    if "skipped" in message:
        model._weight_report = WeightReport(checked=False, reason=message["skipped"])
        return model._weight_report
    report = _check_keras_weights(model, message.get("weights") or {})
    return _finish(model, report, name)


def describe_failure(failure: "bounded.ReaderFailed") -> str:
    if failure.reason == "timeout":
        return f"not read within {bounded.timeout_seconds():g} s"
    if failure.reason == "memory":
        return f"not read within {bounded.MEMORY_BUDGET // 1024 ** 2} MB of memory"
    return failure.detail


def _check_keras_weights(model, data):
    from ..graph import Functional, Sequential
    report = WeightReport(checked=True)
    if data.get("optimizer") is not None:
        params, nbytes = data["optimizer"]
        report.optimizer_params, report.optimizer_bytes = params, float(nbytes)
    stored_layers = data.get("layers")
    if not isinstance(model, (Functional, Sequential)) or stored_layers is None:
        report.checked = stored_layers is not None
        if not report.checked:
            report.reason = "the weights file has no layers group"
        return report
    stored = {key: sorted((tuple(s) for s in shapes), key=_shape_key)
              for key, _, shapes in stored_layers}
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
    by_name = {stored_name: key for key, stored_name, _ in stored_layers if stored_name is not None}
    if by_name and all(l.name in by_name for l in layers):
        keys = {l.name: by_name[l.name] for l in layers}
    claimed = set()
    for layer in layers:
        key = keys[layer.name]
        expected = _expected(layer)
        if key not in stored:
            if expected:
                report.mismatches.append(WeightMismatch(layer.name, _class_name(layer), expected, None))
            continue
        claimed.add(key)
        report.layers_checked += 1
        if stored[key] != expected:
            report.mismatches.append(WeightMismatch(layer.name, _class_name(layer), expected,
                                                    stored[key]))
    for key, shapes in stored.items():
        if key not in claimed and shapes:
            report.mismatches.append(WeightMismatch(key, "", None, shapes))
    return report
