"""``paramscope.diff(a, b)``: two models compared layer by layer.

Rows are aligned by name where both models have the name, else by position and class among
the rows left over (a row of one side only is "added" or "removed").  Each row has the output
shape, params and MACs of each side; the totals have the absolute and percentage change.

>>> from paramscope.keras import Sequential, layers
>>> a = Sequential([layers.Input((4,)), layers.Dense(2, name="d")])
>>> b = Sequential([layers.Input((4,)), layers.Dense(3, name="d")])
>>> d = diff(a, b)
>>> d.rows[0].params_a, d.rows[0].params_b, d.params.change, d.differs
(10, 15, 5, True)
"""

from __future__ import annotations

from .macs import add


class Change:
    """A total of each side: ``a``, ``b``, ``change`` (b - a) and ``percent`` (None when a is 0
    or a figure is unknown)."""

    __slots__ = ("a", "b", "change", "percent")

    def __init__(self, a, b):
        self.a, self.b = a, b
        self.change = None if a is None or b is None else b - a
        self.percent = None if self.change is None or not a else 100.0 * self.change / a

    def to_dict(self):
        return {"a": self.a, "b": self.b, "change": self.change,
                "percent": None if self.percent is None else round(self.percent, 2)}


class DiffRow:
    """One aligned row: ``name``/``class_name`` of each side (None where absent), ``status``
    (same, changed, added, removed), output shapes, params and MACs of each side."""

    _FIELDS = ("status", "name_a", "name_b", "class_a", "class_b", "shape_a", "shape_b",
               "params_a", "params_b", "macs_a", "macs_b")

    def __init__(self, a, b):
        self.name_a, self.name_b = (a.name if a else None), (b.name if b else None)
        self.class_a = a.class_name if a else None
        self.class_b = b.class_name if b else None
        self.shape_a = a.output_shape if a else None
        self.shape_b = b.output_shape if b else None
        self.params_a = a.params if a else None
        self.params_b = b.params if b else None
        self.macs_a = a.macs if a else None
        self.macs_b = b.macs if b else None
        if a is None:
            self.status = "added"
        elif b is None:
            self.status = "removed"
        elif (self.class_a, self.shape_a, self.params_a, self.macs_a) == (
                self.class_b, self.shape_b, self.params_b, self.macs_b):
            self.status = "same"
        else:
            self.status = "changed"

    @property
    def params_change(self):
        return Change(self.params_a or 0, self.params_b or 0).change

    def to_dict(self):
        out = {name: getattr(self, name) for name in self._FIELDS}
        for key in ("shape_a", "shape_b"):
            shape = out[key]
            out[key] = None if shape is None else (
                [list(s) for s in shape] if isinstance(shape, list) else list(shape))
        return out


def align(rows_a, rows_b):
    """Pairs ``(a, b)``: by name first, then the rest by position and class."""
    names_b = {r.name: r for r in rows_b}
    names_a = {r.name for r in rows_a}
    left_a = [r for r in rows_a if r.name not in names_b]
    left_b = [r for r in rows_b if r.name not in names_a]
    matched = {}
    for i, row in enumerate(left_a):
        if i < len(left_b) and left_b[i].class_name == row.class_name:
            matched[id(row)] = left_b[i]
    used_b = {id(r) for r in matched.values()}
    pairs, b_done = [], set()
    for row in rows_a:
        other = names_b.get(row.name) or matched.get(id(row))
        if other is not None:
            b_done.add(id(other))
        pairs.append((row, other))
    for index, row in enumerate(rows_b):
        if id(row) in b_done or id(row) in used_b:
            continue
        pairs.append((None, row))
    return pairs


class ModelDiff:
    """``name_a``/``name_b``, ``rows`` (:class:`DiffRow`), ``params``/``trainable``/
    ``macs`` (:class:`Change`), ``differs``."""

    def __init__(self, profile_a, profile_b):
        sa, sb = profile_a.summary, profile_b.summary
        self.name_a, self.name_b = sa.name, sb.name
        self.rows = [DiffRow(a, b) for a, b in align(sa.layers, sb.layers)]
        self.params = Change(sa.total_params, sb.total_params)
        self.trainable = Change(sa.trainable_params, sb.trainable_params)
        self.macs = Change(profile_a.macs, profile_b.macs)
        self.differs = any(r.status != "same" for r in self.rows) or any(
            c.a != c.b for c in (self.params, self.trainable, self.macs))

    def to_dict(self):
        return {"a": self.name_a, "b": self.name_b, "differs": self.differs,
                "rows": [r.to_dict() for r in self.rows],
                "params": self.params.to_dict(), "trainable_params": self.trainable.to_dict(),
                "macs": self.macs.to_dict()}

    def _repr_html_(self):  # Jupyter
        from ..report.profile_tables import diff_html
        return diff_html(self)

    def _repr_markdown_(self):
        from ..report.diff import render_markdown
        return render_markdown(self)


def diff(a, b) -> ModelDiff:
    """Compare two models (or two :class:`~.profile.Profile` objects)."""
    from .profile import Profile, profile
    pa = a if isinstance(a, Profile) else profile(a)
    pb = b if isinstance(b, Profile) else profile(b)
    return ModelDiff(pa, pb)


__all__ = ["diff", "ModelDiff", "DiffRow", "Change", "align", "add"]
