"""``paramscope.profile(model, batch_size=1, optimizer=None)``: the plain profile object.

It holds the model's summary (its rows carry ``macs`` and ``activation_bytes``, per sample),
the totals (``macs``, ``flops`` = 2 x MACs, per sample), the batch size and the
:class:`~.memory.Memory` figures for that batch; the renderers and ``to_dict()`` (the JSON of
``paramscope profile --format json``) only read it.

>>> from paramscope.keras import Sequential, layers
>>> p = profile(Sequential([layers.Input((8,)), layers.Dense(4)]), batch_size=2)
>>> p.macs, p.flops, p.layers[0].macs, p.memory.optimizer
(32, 64, 32, 'adam')
>>> p.memory.optimizer_bytes   # 2 slots x 36 trainable x 4 bytes + iteration + learning_rate
296
"""

from __future__ import annotations

from ..errors import ParamscopeError
from . import optimizers as opt_module
from .macs import model_costs, mul, number_text
from .memory import INFERENCE_RULE, TRAINING_RULE, Memory

#: Where the optimizer came from (the text and JSON say which was used).
SOURCES = {"given": "given", "compiled": "the optimizer passed to model.compile",
           "file": "the file's compile config", "default": "default: adam (not compiled)",
           "file_unusable": "default: adam (the file's compile config names an optimizer "
                            "paramscope cannot build)"}


def check_batch_size(batch_size):
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ParamscopeError(f"--batch-size must be a positive integer; received "
                              f"{batch_size!r}.")
    return batch_size


def choose_optimizer(model, optimizer=None):
    """``(optimizer, source)``: the given spec, else the script's ``model.compile`` optimizer,
    else the file's compile config, else ``adam`` (wrapped in a LossScaleOptimizer for a
    ``mixed_float16`` model, as ``model.compile`` does)."""
    if optimizer is not None:
        return _as_compile_would(model, opt_module.resolve(optimizer)), "given"
    compiled = getattr(model, "optimizer", None)
    if compiled is not None:
        return compiled, "compiled"
    file_spec = getattr(model, "file_compile_optimizer", None)
    if file_spec is not None:
        try:
            return _as_compile_would(model, opt_module.resolve(file_spec)), "file"
        except ParamscopeError:
            return _as_compile_would(model, opt_module.resolve("adam")), "file_unusable"
    return _as_compile_would(model, opt_module.resolve("adam")), "default"


def _as_compile_would(model, optimizer):
    from ..keras import optimizers
    policy = getattr(getattr(model, "dtype_policy", None), "name", None)
    if policy == "mixed_float16" and isinstance(optimizer, optimizers.Optimizer) and \
            not isinstance(optimizer, optimizers.LossScaleOptimizer):
        return optimizers.LossScaleOptimizer(optimizer, name="loss_scale_optimizer")
    return optimizer


def _attach(summary_rows, cost_rows):
    """Copy each row's figures onto the summary's rows (nested rows matched by name)."""
    by_name = {row.name: row for row in cost_rows}
    for row in summary_rows:
        cost = by_name.get(row.name)
        if cost is None:
            continue
        row.macs, row.activation_bytes = cost.macs, cost.activation_bytes
        row.macs_explain = cost.explain
        if row.layers and cost.model is not None:
            _attach(row.layers, cost.model.rows)


class Profile:
    """A model's profile: ``summary`` (rows with ``macs``/``activation_bytes``), ``layers``
    (its rows), ``macs``/``flops`` per sample (None when unknown), ``batch_size``,
    ``memory``, ``costs`` (the per-row :class:`~.macs.ModelCosts`)."""

    def __init__(self, summary, costs, memory, batch_size, model=None, explained=True):
        self.summary = summary
        self.model = model
        self.explained = explained    # whether the summary's rows carry --explain's lines
        self.costs = costs
        self.memory = memory
        self.batch_size = batch_size
        self.macs = costs.macs
        self.flops = mul(2, costs.macs)

    @property
    def layers(self):
        return self.summary.layers

    def explained_summary(self):
        """The summary with each layer's parameter arithmetic (made on first need: a
        profile without ``--explain`` does not word every layer)."""
        if not self.explained and self.model is not None:
            from ..summary import summarize
            summary = summarize(self.model, with_explain=True)
            _attach(summary.layers, self.costs.rows)
            self.summary, self.explained = summary, True
        return self.summary

    @property
    def name(self):
        return self.summary.name

    @property
    def macs_per_batch(self):
        return mul(self.batch_size, self.macs)

    @property
    def flops_per_batch(self):
        return mul(self.batch_size, self.flops)

    def explain_lines(self):
        """The MAC and memory arithmetic, one line each (``--explain``)."""
        return mac_lines(self.costs.rows) + memory_lines(self)

    def to_dict(self, explain=False):
        from ..report.profile import to_dict
        return to_dict(self, explain=explain)

    def _repr_html_(self):  # Jupyter
        from ..report.profile_tables import profile_html
        return profile_html(self)

    def _repr_markdown_(self):
        from ..report.profile_tables import profile_markdown
        return profile_markdown(self)


def profile(model, batch_size=1, optimizer=None, explain=False) -> Profile:
    """The profile of ``model`` for ``batch_size`` samples and ``optimizer`` (a Keras
    identifier, a serialized optimizer dict or its JSON, an optimizer object; default: the
    model's compiled optimizer, else its file's, else adam); ``explain``: word each layer's
    parameter arithmetic now (else on first need)."""
    from ..summary import summarize
    check_batch_size(batch_size)
    chosen, source = choose_optimizer(model, optimizer)
    costs = model_costs(model)
    summary = summarize(model, with_explain=explain)
    _attach(summary.layers, costs.rows)
    state = opt_module.build_state(chosen, model.trainable_weights)
    memory = Memory(model, costs, state, batch_size, SOURCES[source])
    return Profile(summary, costs, memory, batch_size, model=model, explained=explain)


def mac_lines(rows, indent="  "):
    out = []
    for row in rows:
        if row.explain:
            out.append(indent + row.explain)
        if row.model is not None:
            out += mac_lines(row.model.rows, indent + "  ")
    return out


def _bytes(value):
    return "?" if value is None else f"{value:,} bytes"


def optimizer_line(state, trainable):
    """``adam: 2 slots (momentum, velocity) x 2,515 trainable = 5,030 + iteration +
    learning_rate = 5,032 values``."""
    scalars = [v.name for v in state.variables if not v.shape and v.name in (
        "iteration", "learning_rate", "step_counter", "dynamic_scale", "variable")]
    slot_values = state.params - len(scalars)
    if state.slots and slot_values == len(state.slots) * trainable:
        head = (f"{len(state.slots)} slot{'s' if len(state.slots) != 1 else ''} "
                f"({', '.join(state.slots)}) x {trainable:,} trainable = {slot_values:,}")
    elif state.inner:
        head = " + ".join(f"{s.name} {s.params:,}" for s in state.inner)
        scalars = [v.name for v in state.variables[:len(state.variables) - sum(
            len(s.variables) for s in state.inner)]]
    else:
        head = f"slots ({', '.join(state.slots) or 'none'}) = {slot_values:,}"
    tail = "".join(f" + {name}" for name in scalars)
    return (f"{state.name} ({state.class_name}): {head}{tail} = {state.params:,} values, "
            f"{state.bytes:,} bytes")


def memory_lines(p):
    m = p.memory
    dtypes = " + ".join(f"{d} {v['count']:,} x {_dtype_size(v)} bytes"
                        for d, v in m.weights_by_dtype.items()) or "none"
    per_sample = p.costs.activation_bytes
    return [
        f"  weights: {dtypes} = {_bytes(m.weights_bytes)}",
        f"  gradients: one per trainable weight, {m.gradients_count:,} values in their "
        f"dtypes = {_bytes(m.gradients_bytes)}",
        f"  optimizer ({m.optimizer_source}): {optimizer_line(m.state, m.gradients_count)}",
        f"  activations: batch {p.batch_size} x {number_text(per_sample)} bytes per sample "
        f"(outputs of every layer) = {_bytes(m.activations_bytes)}",
        f"  training (estimate) = {TRAINING_RULE} = {_bytes(m.training_bytes)}",
        f"  inference (estimate) = {INFERENCE_RULE} = {_bytes(m.inference_bytes)}",
        "  FLOPs = 2 x MACs",
    ]


def _dtype_size(entry):
    size = entry["bytes"] / entry["count"] if entry["count"] else 0
    return f"{size:g}"
