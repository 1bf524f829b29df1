"""Memory for training and inference, in bytes (issue 11, item 3).

- weights: every weight of the model in its dtype (as the summary counts them), by dtype;
- gradients: one per trainable weight, in its dtype;
- optimizer state: the variables the optimizer builds (:mod:`.optimizers`);
- activations: batch size x the sum over the model's layers (not InputLayer) of their outputs'
  bytes per sample (:mod:`.macs`); input: the model inputs for the batch;
- training estimate = weights + gradients + optimizer state + activations;
- inference estimate = weights + the largest (inputs + outputs) of any one layer call for
  the batch.

Both estimates are labelled as such: a framework adds workspace, fragmentation and the
temporaries of each op, and may free activations early.
"""

from __future__ import annotations

from .macs import add, mul

TRAINING_RULE = "weights + gradients + optimizer state + activations"
INFERENCE_RULE = "weights + the largest (inputs + outputs) of any one layer, for the batch"


def _whole(value):
    """Bytes as an int when whole (a bool weight takes 1 bit: Keras's figure)."""
    return int(value) if value == int(value) else value


def unique_weights(weights):
    return list({id(w): w for w in weights}.values())


def bytes_of(weights):
    return _whole(sum(w.nbits for w in unique_weights(weights)) / 8)


def by_dtype(weights):
    """``{dtype: {"count": parameters, "bytes": bytes}}``, dtypes sorted."""
    out = {}
    for w in unique_weights(weights):
        entry = out.setdefault(w.dtype, {"count": 0, "bytes": 0})
        entry["count"] += w.size
        entry["bytes"] += w.nbits / 8
    return {k: {"count": v["count"], "bytes": _whole(v["bytes"])} for k, v in sorted(out.items())}


class Memory:
    """The memory figures of one model for one batch size and optimizer (bytes; ``None``
    where an unknown dimension leaves a figure unknown)."""

    _FIELDS = ("weights_bytes", "gradients_bytes", "optimizer", "optimizer_variables",
               "optimizer_bytes", "activations_bytes", "input_bytes", "training_bytes",
               "inference_bytes")

    def __init__(self, model, costs, state, batch_size, optimizer_source):
        weights = model.weights
        trainable = model.trainable_weights
        self.weights_by_dtype = by_dtype(weights)
        self.weights_bytes = bytes_of(weights)
        self.gradients_bytes = bytes_of(trainable)
        self.gradients_count = sum(w.size for w in unique_weights(trainable))
        self.state = state
        self.optimizer = state.name
        self.optimizer_class = state.class_name
        self.optimizer_source = optimizer_source
        self.optimizer_variables = len(state.variables)
        self.optimizer_params = state.params
        self.optimizer_bytes = state.bytes
        self.batch_size = batch_size
        self.activations_bytes = mul(batch_size, costs.activation_bytes)
        self.input_bytes = mul(batch_size, costs.input_bytes)
        self.peak_bytes = mul(batch_size, costs.peak_bytes)
        self.training_bytes = add(self.weights_bytes, self.gradients_bytes,
                                  self.optimizer_bytes, self.activations_bytes)
        self.inference_bytes = add(self.weights_bytes, self.peak_bytes)

    def to_dict(self):
        out = {name: getattr(self, name) for name in self._FIELDS}
        out.update(weights_by_dtype=self.weights_by_dtype, optimizer_class=self.optimizer_class,
                   optimizer_source=self.optimizer_source,
                   optimizer_params=self.optimizer_params,
                   optimizer_variable_list=[v.to_dict() for v in self.state.variables],
                   training_rule=TRAINING_RULE, inference_rule=INFERENCE_RULE)
        return out
