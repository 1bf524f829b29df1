"""``model.compile(...)`` as Keras 3.15's ``Trainer.compile``: the optimizer resolved
(``"adam"`` becomes an ``Adam``; mixed_float16 wraps it in a ``LossScaleOptimizer``), the
loss, loss weights and metrics checked as Keras checks them when compiling, and
``get_compile_config()`` as Keras gives it.  Nothing is allocated: an optimizer's slots
exist only once training builds it."""

from __future__ import annotations

import warnings

from ..errors import ParamscopeError

#: Keras layers with ``supports_jit = False`` (on the JAX backend): a model containing one
#: resolves ``jit_compile="auto"`` to False.
NO_JIT_LAYERS = frozenset({
    "StringLookup", "TextVectorization", "Hashing", "IntegerLookup", "IndexLookup",
    "HashedCrossing", "RandomZoom", "RandomPerspective", "RandomCrop", "RandomTranslation",
    "RandomRotation", "RandomShear"})


def _flatten_layers(model):
    layers, seen, queue = [model], set(), list(model._layers)
    while queue:
        layer = queue.pop(0)
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        layers.append(layer)
        queue[:0] = list(getattr(layer, "_layers", []))
    return layers


def supports_jit(model):
    for layer in _flatten_layers(model):
        flag = layer.__dict__.get("supports_jit")
        if flag is None:
            flag = not any(k.__name__ in NO_JIT_LAYERS for k in type(layer).__mro__)
        if not flag:
            return False
    return True


def compile_model(model, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None,
                  weighted_metrics=None, run_eagerly=False, steps_per_execution=1,
                  jit_compile="auto", auto_scale_loss=True):
    from . import optimizers
    optimizer = optimizers.get(optimizer)
    model.optimizer = optimizer
    if (auto_scale_loss and model.dtype_policy.name == "mixed_float16" and optimizer
            and not isinstance(optimizer, optimizers.LossScaleOptimizer)):
        model.optimizer = optimizers.LossScaleOptimizer(optimizer, name="loss_scale_optimizer")
    if loss is not None:
        if loss_weights and not isinstance(loss_weights, (list, tuple, dict, float)):
            raise ParamscopeError(
                "Expected `loss_weights` argument to be a float (single output case) or a "
                "list, tuple, or dict (multiple output case). Received instead: "
                f"loss_weights={loss_weights} of type {type(loss_weights)}")
        model.loss = loss
    for argument, value in (("metrics", metrics), ("weighted_metrics", weighted_metrics)):
        if value and not isinstance(value, (list, tuple, dict)):
            raise ParamscopeError(
                f"Expected `{argument}` argument to be a list, tuple, or dict. Received "
                f"instead: {argument}={value} of type {type(value)}")
    if jit_compile == "auto":
        jit_compile = False if run_eagerly else supports_jit(model)
    if jit_compile and run_eagerly:
        jit_compile = False
        warnings.warn("If `run_eagerly` is True, then `jit_compile` cannot also be True. "
                      "Disabling `jit_compile`.", stacklevel=3)
    if jit_compile and not supports_jit(model):
        warnings.warn("Model doesn't support `jit_compile=True`. Proceeding with "
                      "`jit_compile=False`.")
        jit_compile = False
    model.jit_compile = jit_compile
    model.run_eagerly = run_eagerly
    model.stop_training = False
    model.compiled = True
    model.steps_per_execution = steps_per_execution
    model.metrics_config = metrics
    model._compile_config = dict(optimizer=optimizer, loss=loss, loss_weights=loss_weights,
                                 metrics=metrics, weighted_metrics=weighted_metrics,
                                 run_eagerly=run_eagerly,
                                 steps_per_execution=steps_per_execution,
                                 jit_compile=jit_compile)


def compile_config(model):
    """``model.get_compile_config()``: the compile arguments, serialized."""
    if not getattr(model, "compiled", False) or "_compile_config" not in model.__dict__:
        return {}
    from .saving import serialize_keras_object
    return {key: serialize_keras_object(value) for key, value in model._compile_config.items()}


def compile_from_config(model, config):
    from .saving import deserialize_keras_object
    model.compile(**deserialize_keras_object(config))
