"""The variables a Keras 3.15 optimizer creates when built on a model's trainable weights.

``optimizer.build(model.trainable_variables)`` in Keras 3.15 creates, in this order: the
optimizer's ``iteration`` (int: int32 under JAX) and ``learning_rate`` (floatx; none when the
learning rate is a schedule or a callable), one ``average`` per variable with ``use_ema=True``,
one ``gradient_accumulator`` per variable with ``gradient_accumulation_steps``, then its slots,
each in the variable's dtype, named ``<variable path with / as _>_<slot>`` under the optimizer's
name.  The slots (see ``SLOTS`` and the functions below) are those of keras/src/optimizers/*.py;
``tests/golden/costs/optimizers.json.gz`` holds what real Keras builds for 6 models x 33
optimizers.

A spec is a Keras identifier (``"adam"``), a ``keras.optimizers.serialize(...)`` dict (or its
JSON text), or a paramscope optimizer object (a script's ``model.compile(optimizer=...)``).
"""

from __future__ import annotations

import json
import math
import re

from ..errors import ParamscopeError

#: The slots of each optimizer, per variable (interleaved), when they do not depend on its
#: arguments.
SLOTS = {
    "Adam": ("momentum", "velocity"), "AdamW": ("momentum", "velocity"),
    "Adamax": ("momentum", "norm"), "Nadam": ("momentum", "velocity"),
    "Lamb": ("momentum", "velocity"), "ScheduleFreeAdamW": ("momentum", "velocity"),
    "Adagrad": ("accumulator",), "Adadelta": ("accumulated_grad", "accumulated_delta_var"),
    "Ftrl": ("accumulator", "linear"), "Lion": ("momentum",),
}

_BYTES = {"float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "int32": 4, "int64": 8,
          "int8": 1, "uint8": 1, "int16": 2}


class OptimizerVariable:
    """One variable of a built optimizer: ``name``, ``path``, ``shape``, ``dtype``, ``bytes``."""

    __slots__ = ("name", "path", "shape", "dtype")

    def __init__(self, name, path, shape, dtype):
        self.name = name
        self.path = path
        self.shape = tuple(shape)
        self.dtype = dtype

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    @property
    def bytes(self) -> int:
        return self.size * _BYTES.get(self.dtype, 4)

    def to_dict(self):
        return {"name": self.name, "path": self.path, "shape": list(self.shape),
                "dtype": self.dtype, "bytes": self.bytes}


class OptimizerState:
    """A built optimizer: ``class_name``, ``name``, ``variables`` (in Keras's order),
    ``slots`` (the per-variable slot names, for the explanation), ``inner`` (the optimizers
    it wraps or routes to)."""

    __slots__ = ("class_name", "name", "variables", "slots", "inner")

    def __init__(self, class_name, name, variables, slots=(), inner=()):
        self.class_name = class_name
        self.name = name
        self.variables = variables
        self.slots = tuple(slots)
        self.inner = list(inner)

    @property
    def params(self) -> int:
        return sum(v.size for v in self.variables)

    @property
    def bytes(self) -> int:
        return sum(v.bytes for v in self.variables)


def _slot(opt_name, weight, slot):
    name = f"{weight.path.replace('/', '_')}_{slot}"
    return OptimizerVariable(name, f"{opt_name}/{name}", weight.shape, weight.dtype)


def _per_variable(opt_name, weights, slots):
    return [_slot(opt_name, w, s) for w in weights for s in slots]


def _each_slot(opt_name, weights, slots):
    """Slot after slot, each for every variable (RMSprop's and amsgrad's order)."""
    return [_slot(opt_name, w, s) for s in slots for w in weights]


def _adafactor(opt_name, weights):
    out = []
    for w in weights:
        if len(w.shape) < 2:  # two placeholders, named and pathed by the variable's name
            out += [OptimizerVariable(w.name, w.name, (), "int32") for _ in range(2)]
        else:
            out.append(OptimizerVariable(w.name, f"{opt_name}/{w.name}", w.shape[:-1], w.dtype))
            out.append(OptimizerVariable(w.name, f"{opt_name}/{w.name}",
                                         w.shape[:-2] + w.shape[-1:], w.dtype))
        out.append(_slot(opt_name, w, "velocity"))
    return out


def _muon_uses_adamw(opt, weight):
    if len(weight.shape) != 2:
        return True
    if opt.exclude_embeddings and "embedding" in weight.path.lower():
        return True
    return any(re.search(keyword, weight.path) for keyword in opt.exclude_layers or ())


def _slots(opt, class_name, weights):
    """``(variables, slot names)`` of the optimizer's own build after the base one."""
    name = opt.name
    if class_name in ("Adam", "AdamW"):
        out = _per_variable(name, weights, SLOTS[class_name])
        if opt.amsgrad:
            return out + _each_slot(name, weights, ("velocity_hat",)), \
                ("momentum", "velocity", "velocity_hat")
        return out, SLOTS[class_name]
    if class_name == "Nadam":
        dtype = weights[0].dtype if weights else "float32"
        return _per_variable(name, weights, SLOTS["Nadam"]) + [
            OptimizerVariable("variable", "variable", (), dtype)], SLOTS["Nadam"]
    if class_name in SLOTS:
        return _per_variable(name, weights, SLOTS[class_name]), SLOTS[class_name]
    if class_name == "SGD":
        slots = ("momentum",) if opt.momentum != 0 else ()
        return _each_slot(name, weights, slots), slots
    if class_name == "RMSprop":
        slots = ("velocity",) + (("momentum",) if opt.momentum > 0 else ()) + (
            ("average_gradient",) if opt.centered else ())
        return _each_slot(name, weights, slots), slots
    if class_name == "Adafactor":
        return _adafactor(name, weights), ("r", "c", "velocity")
    if class_name == "Muon":
        out = []
        for w in weights:
            out.append(_slot(name, w, "momentum"))
            if _muon_uses_adamw(opt, w):
                out.append(_slot(name, w, "velocity"))
        return out, ("momentum", "velocity (AdamW's variables only)")
    raise ParamscopeError(
        f"paramscope does not know the variables the optimizer {class_name!r} builds; pass "
        f"--optimizer with one of Keras's optimizers ({', '.join(IDENTIFIERS)}).")


def _base_variables(opt):
    """The optimizer's iteration and learning_rate, as paramscope's optimizer has them."""
    return [OptimizerVariable(v.name, v.path, tuple(v.shape), v.dtype) for v in opt.variables]


def _built_class_name(opt):
    from ..keras import optimizers
    for cls in type(opt).__mro__:
        if cls.__module__.startswith("paramscope.") and cls is not optimizers.Optimizer \
                and issubclass(cls, optimizers.Optimizer):
            return cls.__name__
    raise ParamscopeError(
        f"the optimizer {type(opt).__name__!r} is a custom class: paramscope does not know the "
        f"variables its build() creates; pass --optimizer with one of Keras's optimizers "
        f"({', '.join(IDENTIFIERS)}).")


def build_state(opt, weights) -> OptimizerState:
    """The variables ``opt`` (a paramscope optimizer or :class:`MultiOptimizer`) creates when
    built on ``weights`` (the model's trainable weights: ``name``, ``path``, ``shape``,
    ``dtype``)."""
    if isinstance(opt, MultiOptimizer):
        return opt.build_state(weights)
    class_name = _built_class_name(opt)
    variables = _base_variables(opt)
    if class_name == "LossScaleOptimizer":
        inner = build_state(opt.inner_optimizer, weights)
        own = [OptimizerVariable("step_counter", f"{opt.name}/step_counter", (), "int32"),
               OptimizerVariable("dynamic_scale", f"{opt.name}/dynamic_scale", (), "float32")]
        return OptimizerState(class_name, opt.name, variables + own + inner.variables,
                              inner.slots, [inner])
    if opt.use_ema:
        variables += _per_variable(opt.name, weights, ("average",))
    if opt.gradient_accumulation_steps:
        variables += _per_variable(opt.name, weights, ("gradient_accumulator",))
    slot_vars, slots = _slots(opt, class_name, weights)
    extra = (("average",) if opt.use_ema else ()) + (
        ("gradient_accumulator",) if opt.gradient_accumulation_steps else ())
    return OptimizerState(class_name, opt.name, variables + slot_vars, extra + tuple(slots))


class MultiOptimizer:
    """Keras 3.15's ``MultiOptimizer(OptimizerMap(default, {pattern: optimizer}))``: each
    variable goes to the optimizer whose pattern ``re.fullmatch``es its path (else the
    default); its own iteration and learning_rate come first, then each inner optimizer's
    variables (an optimizer no variable is routed to keeps its iteration and learning_rate)."""

    def __init__(self, name, default_optimizer, optimizer_map):
        self.name = name
        self.default_optimizer = default_optimizer
        self.optimizer_map = dict(optimizer_map)
        self.inner = []
        for opt in list(self.optimizer_map.values()) + [default_optimizer]:
            if all(opt is not seen for seen in self.inner):
                self.inner.append(opt)

    def route(self, path):
        if path in self.optimizer_map:
            return self.optimizer_map[path]
        matches = [p for p in self.optimizer_map if re.fullmatch(p, path)]
        if len(matches) > 1:
            raise ParamscopeError(f"MultiOptimizer: multiple optimizers assigned to variable "
                                  f"{path} (patterns {', '.join(map(repr, matches))}).")
        return self.optimizer_map[matches[0]] if matches else self.default_optimizer

    def build_state(self, weights):
        routed = [[] for _ in self.inner]
        for w in weights:
            opt = self.route(w.path)
            routed[next(i for i, o in enumerate(self.inner) if o is opt)].append(w)
        states = [build_state(opt, ws) if ws else OptimizerState(
            _built_class_name(opt), opt.name, _base_variables(opt))
            for opt, ws in zip(self.inner, routed)]
        own = [OptimizerVariable("iteration", f"{self.name}/iteration", (), "int32"),
               OptimizerVariable("learning_rate", f"{self.name}/learning_rate", (), "float32")]
        return OptimizerState("MultiOptimizer", self.name,
                              own + [v for s in states for v in s.variables], (), states)


#: What ``keras.optimizers.get(name)`` accepts in Keras 3.15 (Lamb, MultiOptimizer,
#: OptimizerMap and LossScaleOptimizer are not identifiers).
IDENTIFIERS = ("adadelta", "adafactor", "adagrad", "adam", "adamax", "adamw", "ftrl", "lion",
               "muon", "nadam", "rmsprop", "schedulefreeadamw", "sgd")


def resolve(spec):
    """A paramscope optimizer (or :class:`MultiOptimizer`) from a spec: an identifier, a
    serialized dict or its JSON text, or an optimizer object; bad specs raise
    :class:`ParamscopeError` with Keras's reason."""
    from ..keras import optimizers
    if isinstance(spec, (optimizers.Optimizer, MultiOptimizer)):
        return spec
    if isinstance(spec, str):
        text = spec.strip()
        if text.startswith("{"):
            try:
                spec = json.loads(text)
            except ValueError as e:
                raise ParamscopeError(f"--optimizer: not valid JSON ({e}): {text[:80]!r}") \
                    from None
        elif text.lower() not in IDENTIFIERS:
            raise ParamscopeError(
                f"Could not interpret optimizer identifier: {text!r}. Valid identifiers: "
                f"{', '.join(IDENTIFIERS)}; or a JSON string of keras.optimizers.serialize(...)")
        else:
            spec = text.lower()
    if isinstance(spec, dict) and str(spec.get("class_name", "")).lower() == "multioptimizer":
        return _multi_from_config(spec)
    if not isinstance(spec, (str, dict)) or (isinstance(spec, dict) and not isinstance(
            spec.get("config", {}), dict)):
        raise ParamscopeError(f"Could not interpret optimizer identifier: {spec!r}")
    try:
        opt = optimizers.get(spec)
    except ParamscopeError as e:
        raise ParamscopeError(f"optimizer {_describe(spec)}: {e}") from None
    except (TypeError, ValueError, KeyError) as e:
        raise ParamscopeError(f"optimizer {_describe(spec)}: {type(e).__name__}: {e}") from None
    return opt


def _describe(spec):
    if isinstance(spec, dict):
        return repr(spec.get("class_name"))
    return repr(spec)


def _multi_from_config(spec):
    config = spec.get("config") or {}
    mapping = config.get("optimizer_map")
    if not isinstance(mapping, dict) or not isinstance(mapping.get("config"), dict):
        raise ParamscopeError("MultiOptimizer: `optimizer_map` must be a serialized "
                              "OptimizerMap (keras.optimizers.serialize of a MultiOptimizer).")
    inner = mapping["config"]
    if "default_optimizer" not in inner:
        raise ParamscopeError("OptimizerMap: missing argument `default_optimizer`.")
    default = resolve(inner["default_optimizer"])
    routes = {}
    for pattern, sub in (inner.get("optimizer_map") or {}).items():
        opt = resolve(sub)
        if type(opt).__name__ in ("LossScaleOptimizer", "MultiOptimizer"):
            raise ParamscopeError(f"OptimizerMap[{pattern!r}]: optimizer cannot be "
                                  f"{type(opt).__name__}.")
        routes[pattern] = opt
    return MultiOptimizer(config.get("name") or "multi_optimizer", default, routes)
