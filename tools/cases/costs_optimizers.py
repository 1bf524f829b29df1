"""Optimizer-state cases (issue 11): models x every optimizer of Keras 3.15.

Plain data (no Keras import), read by tools/make_costs.py (tools/costs_optimizers.py).

``MODELS``: ``{"id", "code"}``; the code binds ``model`` with ``keras`` and ``layers`` pre-bound.

``OPTIMIZERS``: ``{"id", "code", "identifier"}``; ``code`` is an expression building the optimizer
with ``keras`` bound (``identifier``, when not None, is the string ``keras.optimizers.get`` takes
for the same optimizer: what ``--optimizer adam`` names).  The special code ``"compile"`` records
``model.optimizer`` after ``model.compile(optimizer=identifier, loss="mse")``: Keras 3 wraps it in a
LossScaleOptimizer when the model's dtype policy is mixed_float16.  Every optimizer is built with
``optimizer.build(model.trainable_variables)``.

keras.optimizers of Keras 3.15.1 (``dir(keras.optimizers)``): Adadelta, Adafactor, Adagrad, Adam,
AdamW, Adamax, Ftrl, Lamb, Lion, LossScaleOptimizer, MultiOptimizer, Muon, Nadam, OptimizerMap,
RMSprop, SGD, ScheduleFreeAdamW (and Optimizer, the base).  MultiOptimizer routes each variable to
the optimizer an OptimizerMap gives for its path (``re.fullmatch`` of the map's keys, else the
default); it rejects LossScaleOptimizer and MultiOptimizer inside it.  ``keras.optimizers.get``
takes the lower-case class names of ``keras.src.optimizers.ALL_OBJECTS`` (Lamb is not among them:
``get('lamb')`` raises); the fixture records what each name gives.
"""

MODELS = [
    {"id": "mlp", "code": """
model = keras.Sequential([
    keras.Input(shape=(784,)),
    layers.Dense(128, activation='relu'),
    layers.Dropout(0.2),
    layers.Dense(64, activation='relu'),
    layers.Dense(10, activation='softmax'),
], name='mlp')
"""},
    {"id": "seed_cnn_bn_frozen", "code": """
model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, padding='same', activation='relu', name='Conv1'),
    layers.BatchNormalization(name='BN1'),
    layers.MaxPooling2D(pool_size=2, name='Max1'),
    layers.Conv2D(128, 3, padding='same', activation='relu', name='Conv3'),
    layers.Conv2D(256, 1, padding='same', activation='relu', name='Conv4'),
    layers.GlobalAveragePooling2D(name='GAP1'),
    layers.Dense(10, activation='relu', name='Dense1'),
    layers.Dense(10, activation='softmax', name='Output'),
], name='seed_cnn')
model.get_layer('Conv1').trainable = False
"""},
    {"id": "lstm_text", "code": """
model = keras.Sequential([
    keras.Input(shape=(100,), dtype='int32'),
    layers.Embedding(5000, 64),
    layers.LSTM(128, return_sequences=True),
    layers.LSTM(64),
    layers.Dense(1, activation='sigmoid'),
], name='lstm_text')
"""},
    {"id": "transformer_block", "code": """
tokens = keras.Input(shape=(64,), dtype='int32', name='tokens')
h = layers.Embedding(8000, 128, name='token_embedding')(tokens)
a = layers.MultiHeadAttention(4, 32, name='attention')(h, h)
h = layers.LayerNormalization(name='ln_1')(layers.Add(name='residual_1')([h, a]))
f = layers.Dense(512, activation='gelu', name='ffn_in')(h)
f = layers.Dense(128, name='ffn_out')(f)
h = layers.LayerNormalization(name='ln_2')(layers.Add(name='residual_2')([h, f]))
y = layers.Dense(2, activation='softmax', name='classifier')(layers.GlobalAveragePooling1D(name='pool')(h))
model = keras.Model(tokens, y, name='transformer_block')
"""},
    {"id": "mixed_float16_cnn", "code": """
keras.config.set_dtype_policy('mixed_float16')
try:
    model = keras.Sequential([
        keras.Input(shape=(64, 64, 3)),
        layers.Conv2D(32, 3, activation='relu'),
        layers.BatchNormalization(),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation='relu'),
        layers.GlobalAveragePooling2D(),
        layers.Dense(10),
        layers.Activation('softmax', dtype='float32'),
    ], name='mixed_cnn')
finally:
    keras.config.set_dtype_policy('float32')
"""},
    {"id": "lora", "code": """
x = keras.Input(shape=(32, 64), name='x')
h = layers.Dense(256, activation='relu', name='up')(x)
h = layers.EinsumDense('abc,cd->abd', output_shape=(None, 64), bias_axes='d', name='down')(h)
y = layers.Dense(4, name='head')(layers.GlobalAveragePooling1D(name='pool')(h))
model = keras.Model(x, y, name='lora_model')
model.get_layer('up').enable_lora(8)
model.get_layer('down').enable_lora(4)
"""},
]

_SGD_DEFAULT = "keras.optimizers.SGD(momentum=0.9)"
_MAP = ("keras.optimizers.MultiOptimizer(keras.optimizers.OptimizerMap("
        f"{_SGD_DEFAULT}, {{'.*/kernel': keras.optimizers.Adam(), "
        "'.*/bias': keras.optimizers.RMSprop()}))")

OPTIMIZERS = [
    {"id": "sgd", "identifier": "sgd", "code": "keras.optimizers.get('sgd')"},
    {"id": "sgd_momentum", "identifier": None, "code": "keras.optimizers.SGD(momentum=0.9)"},
    {"id": "sgd_nesterov", "identifier": None,
     "code": "keras.optimizers.SGD(momentum=0.9, nesterov=True)"},
    {"id": "adam", "identifier": "adam", "code": "keras.optimizers.get('adam')"},
    {"id": "adam_amsgrad", "identifier": None, "code": "keras.optimizers.Adam(amsgrad=True)"},
    {"id": "adam_schedule", "identifier": None,
     "code": "keras.optimizers.Adam(keras.optimizers.schedules.ExponentialDecay(1e-3, 1000, 0.9))"},
    {"id": "adamw", "identifier": "adamw", "code": "keras.optimizers.get('adamw')"},
    {"id": "adamw_amsgrad", "identifier": None, "code": "keras.optimizers.AdamW(amsgrad=True)"},
    {"id": "adamax", "identifier": "adamax", "code": "keras.optimizers.get('adamax')"},
    {"id": "nadam", "identifier": "nadam", "code": "keras.optimizers.get('nadam')"},
    {"id": "rmsprop", "identifier": "rmsprop", "code": "keras.optimizers.get('rmsprop')"},
    {"id": "rmsprop_centered", "identifier": None,
     "code": "keras.optimizers.RMSprop(centered=True)"},
    {"id": "rmsprop_momentum", "identifier": None,
     "code": "keras.optimizers.RMSprop(momentum=0.9)"},
    {"id": "rmsprop_centered_momentum", "identifier": None,
     "code": "keras.optimizers.RMSprop(centered=True, momentum=0.9)"},
    {"id": "adagrad", "identifier": "adagrad", "code": "keras.optimizers.get('adagrad')"},
    {"id": "adadelta", "identifier": "adadelta", "code": "keras.optimizers.get('adadelta')"},
    {"id": "adafactor", "identifier": "adafactor", "code": "keras.optimizers.get('adafactor')"},
    {"id": "ftrl", "identifier": "ftrl", "code": "keras.optimizers.get('ftrl')"},
    {"id": "ftrl_shrinkage_beta", "identifier": None,
     "code": "keras.optimizers.Ftrl(l2_shrinkage_regularization_strength=0.01, beta=0.5)"},
    {"id": "lion", "identifier": "lion", "code": "keras.optimizers.get('lion')"},
    {"id": "lamb", "identifier": None, "code": "keras.optimizers.Lamb()"},
    {"id": "muon", "identifier": "muon", "code": "keras.optimizers.get('muon')"},
    {"id": "muon_exclude", "identifier": None,
     "code": "keras.optimizers.Muon(exclude_layers=['dense', 'ffn'], exclude_embeddings=False)"},
    {"id": "schedule_free_adamw", "identifier": None,
     "code": "keras.optimizers.ScheduleFreeAdamW()"},
    {"id": "multi_optimizer", "identifier": None, "code": _MAP},
    {"id": "adam_ema", "identifier": None, "code": "keras.optimizers.Adam(use_ema=True)"},
    {"id": "sgd_ema", "identifier": None, "code": "keras.optimizers.SGD(use_ema=True)"},
    {"id": "adam_grad_accum", "identifier": None,
     "code": "keras.optimizers.Adam(gradient_accumulation_steps=4)"},
    {"id": "adamw_ema_grad_accum", "identifier": None,
     "code": "keras.optimizers.AdamW(use_ema=True, gradient_accumulation_steps=2)"},
    {"id": "loss_scale_adam", "identifier": None,
     "code": "keras.optimizers.LossScaleOptimizer(keras.optimizers.Adam())"},
    {"id": "loss_scale_sgd", "identifier": None,
     "code": "keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD())"},
    {"id": "compile_adam", "identifier": "adam", "code": "compile"},
    {"id": "compile_rmsprop", "identifier": "rmsprop", "code": "compile"},
]
