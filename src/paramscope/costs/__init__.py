"""What a model costs (issue 11): MACs and FLOPs, memory for inference and training.

- :mod:`.macs`: the multiply-accumulate convention, one rule per layer family, dispatched by
  the layer's class through its MRO (a registry keyed by class, as fvcore's handlers), and the
  per-row activation bytes.
- :mod:`.optimizers`: the variables a Keras 3.15 optimizer builds for a model's trainable
  weights (every optimizer, ``use_ema``, gradient accumulation, LossScaleOptimizer,
  MultiOptimizer).
- :mod:`.memory`: weights by dtype, gradients, optimizer state, activations, the training and
  inference estimates.
- :mod:`.profile`: the plain :class:`~.profile.Profile` object the renderers and JSON read.
- :mod:`.whatif`: rebuilding a model at another input shape; :mod:`.diff`: two models aligned.
"""
