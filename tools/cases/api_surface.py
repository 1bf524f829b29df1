"""Golden cases for the Keras API scripts use around their models (issue 8, item 3).

Each case's code runs with ``keras`` and ``layers`` pre-bound (and ``np`` = NumPy) and sets
``record`` (plain values: configs, shapes, names, and errors caught with ``err(...)``) and/or
``model`` (whose summary is compared like every golden model).  ``err(fn)`` gives ``None``
or ``[built-in exception classes joined by '|', message]`` of what ``fn()`` raises.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/api_surface.py --out tests/golden/keras3_api/api_surface.json.gz
"""

PRELUDE = '''import numpy as np


def err(fn):
    try:
        fn()
    except Exception as e:
        kinds = [c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"
                 and c not in (Exception, BaseException, object)]
        return ["|".join(kinds), str(e)]
    return None


'''

CASES = []


def case(id, code, tags=()):
    CASES.append({"id": id, "code": PRELUDE + code, "tags": ["api"] + list(tags)})


# -- optimizers ----------------------------------------------------------------------------

OPTIMIZERS = ("SGD", "Adam", "AdamW", "Adamax", "Nadam", "RMSprop", "Adagrad", "Adadelta",
              "Adafactor", "Ftrl", "Lion", "Lamb", "Muon", "ScheduleFreeAdamW")
for name in OPTIMIZERS:
    case(f"optimizers/{name}_default", f"""
opt = keras.optimizers.{name}()
record = {{"config": opt.get_config(), "serialized": keras.optimizers.serialize(opt),
          "iterations": [opt.iterations.path, list(opt.iterations.shape), opt.iterations.dtype],
          "learning_rate": [opt.learning_rate.path, opt.learning_rate.dtype],
          "variables": [v.path for v in opt.variables],
          "by_name": (keras.optimizers.get("{name.lower()}").get_config()
                      if "{name}" != "Lamb" else err(lambda: keras.optimizers.get("lamb")))}}
""", tags=["eager"])
case("optimizers/arguments", """
record = [keras.optimizers.SGD(0.05, 0.9, True).get_config(),
          keras.optimizers.Adam(learning_rate=0.02, beta_1=0.8, amsgrad=True, clipnorm=1.0,
                                name="my_adam").get_config(),
          keras.optimizers.RMSprop(0.01, rho=0.8, momentum=0.1, centered=True,
                                   weight_decay=0.01).get_config(),
          keras.optimizers.AdamW(learning_rate=3e-4, weight_decay=0.05, use_ema=True,
                                 ema_momentum=0.9).get_config(),
          keras.optimizers.Adagrad(global_clipnorm=2.0, gradient_accumulation_steps=4).get_config(),
          keras.optimizers.Ftrl(l1_regularization_strength=0.1, beta=0.5).get_config(),
          keras.optimizers.Muon(exclude_layers=["embedding"], ns_steps=3).get_config(),
          keras.optimizers.Lion(1e-4, beta_1=0.95).get_config()]
""", tags=["eager"])
case("optimizers/errors", """
o = keras.optimizers
record = {
    "lr": err(lambda: o.RMSprop(lr=0.01)),
    "lr_adam": err(lambda: o.Adam(lr=1e-3, decay=1e-6)),
    "unknown": err(lambda: o.Adam(jit_compile=True)),
    "int_learning_rate": err(lambda: o.Adam(learning_rate=1)),
    "string_learning_rate": err(lambda: o.SGD(learning_rate="0.1")),
    "sgd_momentum_int": err(lambda: o.SGD(momentum=1)),
    "sgd_momentum_big": err(lambda: o.SGD(momentum=1.5)),
    "adamw_no_decay": err(lambda: o.AdamW(weight_decay=None)),
    "two_clips": err(lambda: o.Adam(clipnorm=1.0, clipvalue=0.5)),
    "ema_momentum": err(lambda: o.Adam(use_ema=True, ema_momentum=2.0)),
    "ema_frequency": err(lambda: o.Adam(use_ema=True, ema_overwrite_frequency=0.5)),
    "accumulation": err(lambda: o.SGD(gradient_accumulation_steps=1)),
    "ftrl_power": err(lambda: o.Ftrl(learning_rate_power=0.5)),
    "ftrl_l2": err(lambda: o.Ftrl(l2_regularization_strength=-1.0)),
    "ftrl_accumulator": err(lambda: o.Ftrl(initial_accumulator_value=-0.1)),
    "lion_beta": err(lambda: o.Lion(beta_1=0.0)),
    "get_unknown": err(lambda: o.get("foo")),
    "get_class": err(lambda: o.get(o.SGD)),
    "positional_too_many": err(lambda: o.SGD(0.1, 0.9, False, None, None, None, None, False,
                                              0.99, None, None, None, "x", "extra")),
    "legacy": err(lambda: o.legacy.Adam(0.1)),
    "loss_scale_dynamic": err(lambda: o.LossScaleOptimizer(o.SGD(), dynamic=False)),
    "loss_scale_clipnorm": err(lambda: o.LossScaleOptimizer(o.SGD(), clipnorm=1.0)),
    "loss_scale_unknown": err(lambda: o.LossScaleOptimizer(o.SGD(), foo=1)),
}
""", tags=["eager"])
case("optimizers/decay_warning", """
record = keras.optimizers.Adam(decay=0.01).get_config()
""", tags=["eager"])
case("optimizers/get_serialize_deserialize", """
o = keras.optimizers
sgd = o.get({"class_name": "SGD", "config": {"learning_rate": 0.5, "momentum": 0.5}})
adam = o.Adam(0.003)
again = o.deserialize(o.serialize(adam))
record = {"sgd": sgd.get_config(), "again": again.get_config(), "same": o.get(adam) is adam,
          "case_insensitive": o.deserialize({"class_name": "RMSPROP", "config": {}}).get_config(),
          "none": o.get(None), "lower_name": type(o.get("adamw")).__name__,
          "mixed": o.LossScaleOptimizer(o.Adam(), initial_scale=128.0,
                                        dynamic_growth_steps=10).get_config(),
          "mp_alias": keras.mixed_precision.LossScaleOptimizer is o.LossScaleOptimizer}
""", tags=["eager"])
case("optimizers/learning_rate", """
opt = keras.optimizers.SGD(0.25)
opt.learning_rate = 0.5
sched = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.96,
                                                    staircase=True)
with_schedule = keras.optimizers.Adam(learning_rate=sched)
def setting():
    with_schedule.learning_rate = 0.1
record = {"after_set": opt.get_config()["learning_rate"],
          "variables": [v.path for v in opt.variables],
          "schedule_config": with_schedule.get_config()["learning_rate"],
          "schedule_variables": [v.path for v in with_schedule.variables],
          "set_on_schedule": err(setting)}
""", tags=["eager"])
case("optimizers/custom_subclass", """
class MyOptimizer(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.1, boost=2.0, **kwargs):
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.boost = boost

    def get_config(self):
        config = super().get_config()
        config["boost"] = self.boost
        return config

opt = MyOptimizer(boost=3.0, clipvalue=1.0)
class MyAdam(keras.optimizers.Adam):
    pass
record = {"config": opt.get_config(), "name": opt.name,
          "serialized": keras.optimizers.serialize(opt)["class_name"],
          "again": MyOptimizer.from_config(opt.get_config()).get_config(),
          "adam_sub": MyAdam(beta_2=0.99).get_config(),
          "bad_kwarg": err(lambda: MyOptimizer(lr=0.1))}
""", tags=["eager"])

# -- learning rate schedules -----------------------------------------------------------------

case("schedules/configs", """
s = keras.optimizers.schedules
items = [s.ExponentialDecay(0.1, 1000, 0.9), s.PiecewiseConstantDecay([100, 200], [1.0, 0.5, 0.1]),
         s.PolynomialDecay(0.1, 500, end_learning_rate=0.01, power=2.0, cycle=True),
         s.InverseTimeDecay(0.1, 10, 0.5, staircase=True),
         s.CosineDecay(0.1, 1000, alpha=0.1, warmup_target=0.2, warmup_steps=50),
         s.CosineDecayRestarts(0.1, 100, t_mul=1.5, m_mul=0.9)]
record = {"configs": [x.get_config() for x in items],
          "serialized": [s.serialize(x) for x in items],
          "roundtrip": [s.deserialize(s.serialize(x)).get_config() for x in items],
          "errors": [err(lambda: s.ExponentialDecay(0.1, 0, 0.9)),
                     err(lambda: s.PiecewiseConstantDecay([1, 2], [0.1])),
                     err(lambda: s.CosineDecayRestarts(0.1, -1)),
                     err(lambda: s.PolynomialDecay(0.1, 0))]}
""")
case("schedules/custom", """
class Warmup(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, peak, warmup_steps):
        self.peak = peak
        self.warmup_steps = warmup_steps

    def __call__(self, step):
        return self.peak * keras.ops.minimum(1.0, step / self.warmup_steps)

    def get_config(self):
        return {"peak": self.peak, "warmup_steps": self.warmup_steps}

class NoConfig(keras.optimizers.schedules.LearningRateSchedule):
    def __call__(self, step):
        return 0.1

opt = keras.optimizers.Adam(learning_rate=Warmup(1e-3, 100))
record = {"config": opt.get_config()["learning_rate"],
          "is_schedule": isinstance(Warmup(1.0, 1), keras.optimizers.schedules.LearningRateSchedule),
          "from_config": Warmup.from_config({"peak": 0.5, "warmup_steps": 3}).get_config(),
          "no_config": err(lambda: NoConfig().get_config())}
""", tags=["eager"])

# -- callbacks -------------------------------------------------------------------------------

case("callbacks/builtin", """
c = keras.callbacks
es = c.EarlyStopping(monitor="val_accuracy", patience=3, mode="max", restore_best_weights=True)
ck = c.ModelCheckpoint("best.keras", save_best_only=True)
ckw = c.ModelCheckpoint("w.weights.h5", save_weights_only=True, save_freq=100)
rl = c.ReduceLROnPlateau(factor=0.5, patience=2, min_lr=1e-6)
others = [c.TensorBoard(log_dir="logs"), c.CSVLogger("log.csv"), c.TerminateOnNaN(),
          c.LearningRateScheduler(lambda epoch, lr: lr), c.History(), c.ProgbarLogger(),
          c.LambdaCallback(on_epoch_end=lambda epoch, logs: None), c.BackupAndRestore("bk"),
          c.RemoteMonitor(), c.SwapEMAWeights()]
record = {"early": [es.monitor, es.patience, es.mode, es.min_delta, es.restore_best_weights,
                    es.baseline, es.start_from_epoch],
          "checkpoint": [ck.filepath, ck.monitor, ck.save_best_only, ck.save_freq],
          "weights": [ckw.filepath, ckw.save_weights_only, ckw.save_freq],
          "reduce": [rl.factor, rl.patience, rl.min_lr, rl.min_delta, rl.monitor],
          "all_callbacks": [isinstance(x, c.Callback) for x in [es, ck, rl] + others],
          "types": [type(x).__name__ for x in others]}
""")
case("callbacks/errors", """
c = keras.callbacks
record = {"h5_model": err(lambda: c.ModelCheckpoint("model.hdf5")),
          "weights_suffix": err(lambda: c.ModelCheckpoint("w.h5", save_weights_only=True)),
          "save_freq": err(lambda: c.ModelCheckpoint("m.keras", save_freq="batch")),
          "factor": err(lambda: c.ReduceLROnPlateau(factor=1.0)),
          "backup_dir": err(lambda: c.BackupAndRestore("")),
          "unknown_arg": err(lambda: c.EarlyStopping(patiense=3)),
          "missing_arg": err(lambda: c.CSVLogger()),
          "bad_mode": c.EarlyStopping(mode="maximum").mode}
""")
case("callbacks/custom", """
class Printer(keras.callbacks.Callback):
    def __init__(self, every=1):
        super().__init__()
        self.every = every
        self.seen = []

    def on_epoch_end(self, epoch, logs=None):
        self.seen.append(epoch)

p = Printer(every=2)
p.on_epoch_end(0)
p.on_train_batch_begin(0)
model = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
p.set_model(model)
p.set_params({"epochs": 2})
record = {"every": p.every, "seen": p.seen, "model": p.model.name, "params": p.params,
          "list": [type(x).__name__ for x in keras.callbacks.CallbackList([p], add_history=True,
                                                                          add_progbar=True).callbacks]}
""")

# -- initializers, regularizers, constraints ----------------------------------------------

case("initializers/configs", """
i = keras.initializers
items = [i.Zeros(), i.Ones(), i.Constant(0.5), i.RandomNormal(stddev=0.1, seed=1),
         i.RandomUniform(-1, 1), i.TruncatedNormal(mean=1.0), i.GlorotUniform(seed=3),
         i.GlorotNormal(), i.HeNormal(), i.HeUniform(), i.LecunNormal(), i.LecunUniform(),
         i.Orthogonal(gain=2.0), i.Identity(gain=0.5),
         i.VarianceScaling(scale=2.0, mode="fan_out", distribution="normal"),
         i.STFT(side="imag")]
record = {"configs": [x.get_config() for x in items],
          "serialized": [i.serialize(x) for x in items],
          "by_name": [type(i.get(n)).__name__ for n in ("zeros", "ones", "glorot_uniform",
                                                       "he_normal", "uniform", "normal",
                                                       "Orthogonal", "IdentityInitializer")],
          "aliases": [i.zeros is i.Zeros, i.glorot_uniform is i.GlorotUniform],
          "roundtrip": i.deserialize(i.serialize(i.RandomNormal(0.5, 0.2))).get_config(),
          "errors": [err(lambda: i.get("nope")), err(lambda: i.VarianceScaling(scale=0)),
                     err(lambda: i.VarianceScaling(mode="fan")),
                     err(lambda: i.VarianceScaling(distribution="gauss")),
                     err(lambda: i.RandomNormal(seed="x"))]}
""")
case("regularizers/configs", """
r = keras.regularizers
items = [r.L1(0.01), r.L2(0.02), r.L1L2(l1=0.1, l2=0.2), r.OrthogonalRegularizer(0.03, "columns"),
         r.l1(), r.l2(), r.l1_l2(0.5)]
record = {"configs": [x.get_config() for x in items],
          "serialized": [r.serialize(x) for x in items],
          "by_name": [type(r.get(n)).__name__ for n in ("l1", "l2", "l1l2", "L1L2")],
          "l1_l2_name": err(lambda: r.get("l1_l2")),
          "errors": [err(lambda: r.L2(-1.0)), err(lambda: r.L1("a")),
                     err(lambda: r.OrthogonalRegularizer(mode="diag")),
                     err(lambda: r.get("l3")), err(lambda: r.Regularizer().get_config())]}
""")
case("constraints/configs", """
c = keras.constraints
items = [c.MaxNorm(3), c.NonNeg(), c.UnitNorm(axis=1), c.MinMaxNorm(0.1, 2.0, rate=0.5)]
record = {"configs": [x.get_config() for x in items],
          "serialized": [c.serialize(x) for x in items],
          "by_name": [type(c.get(n)).__name__ for n in ("max_norm", "non_neg", "unit_norm",
                                                       "MinMaxNorm")],
          "errors": [err(lambda: c.get("positive"))]}
""")
case("custom_objects/passed_to_layers", """
@keras.saving.register_keras_serializable(package="my")
class ScaledInit(keras.initializers.Initializer):
    def __init__(self, scale=1.0):
        self.scale = scale

    def __call__(self, shape, dtype=None):
        return keras.ops.ones(shape, dtype=dtype) * self.scale

    def get_config(self):
        return {"scale": self.scale}

class L3(keras.regularizers.Regularizer):
    def __init__(self, factor=0.01):
        self.factor = factor

    def __call__(self, x):
        return self.factor * keras.ops.sum(keras.ops.abs(x) ** 3)

    def get_config(self):
        return {"factor": self.factor}

class Clip(keras.constraints.Constraint):
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, w):
        return keras.ops.clip(w, -self.limit, self.limit)

    def get_config(self):
        return {"limit": self.limit}

model = keras.Sequential([
    keras.Input((5,)),
    layers.Dense(4, kernel_initializer=ScaledInit(0.5), kernel_regularizer=L3(0.1),
                 kernel_constraint=Clip(2.0), bias_regularizer=keras.regularizers.l2(1e-4)),
    layers.Conv1D if False else layers.Dense(3, kernel_initializer="he_normal",
                                             activity_regularizer=L3()),
])
record = {"serialized": [keras.saving.serialize_keras_object(x) for x in
                         (ScaledInit(2.0), L3(0.2), Clip(1.0))],
          "registered": keras.saving.get_registered_name(ScaledInit),
          "get": type(keras.initializers.get(ScaledInit())).__name__,
          "lookup": keras.saving.get_registered_object("my>ScaledInit") is ScaledInit,
          "roundtrip": keras.saving.deserialize_keras_object(
              keras.saving.serialize_keras_object(ScaledInit(3.0))).get_config()}
""", tags=["initializer"])

# -- activations -------------------------------------------------------------------------------

case("activations/functions", """
a = keras.activations
record = {"serialize": [a.serialize(f) for f in (a.relu, a.gelu, a.swish, a.hard_swish, a.linear,
                                                   a.softmax, a.leaky_relu)],
          "get": [a.get(n).__name__ for n in ("relu", "swish", "silu", "hard_silu", "linear")],
          "none": a.get(None).__name__,
          "unknown": err(lambda: a.get("relux"))}
x = keras.Input((6,))
y = layers.Dense(4, activation=a.relu)(x)
z = a.gelu(y)
w = a.relu(z)
v = a.softmax(w)
record["mish_symbolic"] = err(lambda: a.mish(y))
model = keras.Model(x, [v, a.elu(y), a.sigmoid(y), a.exponential(y)])
""", tags=["loose_message"])

# -- losses ------------------------------------------------------------------------------------

LOSS_CLASSES = ("MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
                "MeanSquaredLogarithmicError", "CosineSimilarity", "Huber", "LogCosh", "Hinge",
                "SquaredHinge", "CategoricalHinge", "KLDivergence", "Poisson",
                "BinaryCrossentropy", "BinaryFocalCrossentropy", "CategoricalCrossentropy",
                "CategoricalFocalCrossentropy", "SparseCategoricalCrossentropy", "CTC", "Dice",
                "Tversky", "Circle", "CategoricalGeneralizedCrossEntropy")
case("losses/classes", f"""
names = {LOSS_CLASSES!r}
items = [getattr(keras.losses, n)() for n in names]
record = {{"configs": [x.get_config() for x in items],
          "serialized": [keras.losses.serialize(x) for x in items],
          "args": [keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.1,
                                                   reduction="sum").get_config(),
                   keras.losses.SparseCategoricalCrossentropy(True, ignore_class=0).get_config(),
                   keras.losses.Huber(delta=2.0, name="h").get_config(),
                   keras.losses.CategoricalFocalCrossentropy(alpha=0.5).get_config(),
                   keras.losses.Tversky(alpha=0.3, beta=0.7, axis=-1).get_config()],
          "by_name": [type(keras.losses.get(n)).__name__ for n in
                      ("BinaryCrossentropy", "CategoricalCrossentropy")],
          "functions_by_name": [keras.losses.get(n).__name__ for n in
                                ("mse", "mae", "binary_crossentropy", "bce", "kld", "huber")],
          "function_serialized": keras.losses.serialize(keras.losses.mean_squared_error),
          "errors": [err(lambda: keras.losses.get("msee")),
                     err(lambda: keras.losses.MeanSquaredError(reduction="average")),
                     err(lambda: keras.losses.CategoricalGeneralizedCrossEntropy(q=1.5)),
                     err(lambda: keras.losses.BinaryCrossentropy(from_logit=True))]}}
""")
case("losses/custom_subclass", """
class WeightedMSE(keras.losses.Loss):
    def __init__(self, weight=2.0, name="weighted_mse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.weight = weight

    def call(self, y_true, y_pred):
        return self.weight * keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)

    def get_config(self):
        return {**super().get_config(), "weight": self.weight}

loss = WeightedMSE(3.0, reduction="sum")
class Unnamed(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return y_pred

record = {"config": loss.get_config(), "dtype": loss.dtype,
          "again": WeightedMSE.from_config(loss.get_config()).get_config(),
          "serialized": keras.losses.serialize(loss)["class_name"],
          "unnamed": [Unnamed().name, Unnamed().name],
          "is_loss": isinstance(loss, keras.Loss)}
""")
case("losses/binary_crossentropy_symbolic", """
a = keras.Input((4,))
b = keras.Input((4,))
loss = keras.losses.binary_crossentropy(a, b)
model = keras.Model([a, b], loss)
record = {"shape": list(loss.shape), "dtype": loss.dtype}
""")
case("losses/functions_symbolic", """
t = keras.Input((5,))
p = keras.Input((5,))
s = keras.Input((1,), dtype="int32")
l = keras.losses
calls = {
    "mean_squared_error": lambda: l.mean_squared_error(t, p),
    "mean_absolute_error": lambda: l.mean_absolute_error(t, p),
    "mean_absolute_percentage_error": lambda: l.mean_absolute_percentage_error(t, p),
    "mean_squared_logarithmic_error": lambda: l.mean_squared_logarithmic_error(t, p),
    "huber": lambda: l.huber(t, p),
    "log_cosh": lambda: l.log_cosh(t, p),
    "categorical_crossentropy": lambda: l.categorical_crossentropy(t, p),
    "categorical_crossentropy_smoothing": lambda: l.categorical_crossentropy(
        t, p, label_smoothing=0.1),
    "categorical_focal_crossentropy": lambda: l.categorical_focal_crossentropy(t, p),
    "sparse_categorical_crossentropy": lambda: l.sparse_categorical_crossentropy(s, p),
    "binary_crossentropy_smoothing": lambda: l.binary_crossentropy(t, p, label_smoothing=0.2),
    "binary_focal_crossentropy": lambda: l.binary_focal_crossentropy(t, p),
    "kl_divergence": lambda: l.kl_divergence(t, p),
    "poisson": lambda: l.poisson(t, p),
    "cosine_similarity": lambda: l.cosine_similarity(t, p),
    "hinge": lambda: l.hinge(t, p),
    "squared_hinge": lambda: l.squared_hinge(t, p),
    "categorical_hinge": lambda: l.categorical_hinge(t, p),
    "dice": lambda: l.dice(t, p),
    "tversky": lambda: l.tversky(t, p),
}
record, outs = {}, []
for name, call in calls.items():
    problem = err(call)
    if problem is None:
        out = call()
        outs.append(out)
        record[name] = [list(out.shape), out.dtype]
    else:
        record[name] = problem
model = keras.Model([t, p, s], outs)
""", tags=["loose_message"])
case("losses/loss_object_symbolic", """
t = keras.Input((3,))
p = keras.Input((3,))
record = {"reduced": err(lambda: keras.losses.BinaryCrossentropy()(t, p)),
          "none": err(lambda: keras.losses.MeanSquaredError(reduction=None)(t, p))}
model = keras.Model([t, p], t)
""", tags=["loose_message"])
case("losses/shape_mismatch", """
t = keras.Input((3,))
p = keras.Input((4,))
record = {"bce": err(lambda: keras.losses.binary_crossentropy(t, p)),
          "cce": err(lambda: keras.losses.categorical_crossentropy(t, p))}
model = keras.Model([t, p], keras.losses.mean_squared_error(t, t))
""", tags=["loose_message"])

# -- metrics -----------------------------------------------------------------------------------

METRIC_CLASSES = ("Accuracy", "BinaryAccuracy", "CategoricalAccuracy",
                  "SparseCategoricalAccuracy", "TopKCategoricalAccuracy",
                  "SparseTopKCategoricalAccuracy", "AUC", "Precision", "Recall",
                  "TruePositives", "FalseNegatives", "MeanSquaredError", "RootMeanSquaredError",
                  "MeanAbsoluteError", "MeanAbsolutePercentageError",
                  "MeanSquaredLogarithmicError", "CosineSimilarity", "LogCoshError",
                  "BinaryCrossentropy", "CategoricalCrossentropy",
                  "SparseCategoricalCrossentropy", "KLDivergence", "Poisson", "Hinge",
                  "SquaredHinge", "CategoricalHinge", "Mean", "Sum", "R2Score", "F1Score",
                  "FBetaScore", "PearsonCorrelation", "ConcordanceCorrelation")
case("metrics/classes", f"""
names = {METRIC_CLASSES!r}
items = [getattr(keras.metrics, n)() for n in names]
m = keras.metrics
record = {{"configs": [x.get_config() for x in items],
          "serialized": [m.serialize(x) for x in items],
          "args": [m.AUC(num_thresholds=50, curve="PR", multi_label=True).get_config(),
                   m.Precision(thresholds=0.7, top_k=2, class_id=1).get_config(),
                   m.SparseTopKCategoricalAccuracy(k=3, from_sorted_ids=True).get_config(),
                   m.MeanIoU(num_classes=4).get_config(), m.IoU(3, [0, 1]).get_config(),
                   m.BinaryIoU().get_config(), m.OneHotMeanIoU(5).get_config(),
                   m.PrecisionAtRecall(0.5).get_config(),
                   m.BinaryAccuracy(threshold=0.3, name="acc").get_config(),
                   m.CosineSimilarity(axis=1).get_config()],
          "by_name": [type(m.get(n)).__name__ for n in
                      ("AUC", "Precision", "mse", "bce", "accuracy", "binary_accuracy",
                       "categorical_accuracy", "top_k_categorical_accuracy", "mae",
                       "mean_squared_error", "categorical_crossentropy", "f1_score")],
          "function": m.get(m.binary_accuracy).__name__,
          "errors": [err(lambda: m.get("acuracy")), err(lambda: m.AUC(num_thresholds=1)),
                     err(lambda: m.AUC(curve="XY")), err(lambda: m.Precision(foo=1))]}}
""")
case("metrics/custom_subclass", """
class CountPositives(keras.metrics.Metric):
    def __init__(self, name="count_positives", **kwargs):
        super().__init__(name=name, **kwargs)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        self.per_class = self.add_weight(shape=(3,), initializer="zeros", name="per_class")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(keras.ops.sum(y_pred > 0))

    def result(self):
        return self.total

metric = CountPositives(dtype="float32")
record = {"config": metric.get_config(), "variables": [[v.path, list(v.shape), v.dtype]
                                                       for v in metric.variables],
          "is_metric": isinstance(metric, keras.Metric),
          "wrapper": keras.metrics.MeanMetricWrapper(keras.losses.mean_squared_error,
                                                    name="w").get_config()}
""")
case("metrics/functions_symbolic", """
t = keras.Input((4,))
p = keras.Input((4,))
s = keras.Input((1,))
m = keras.metrics
outs = [m.binary_accuracy(t, p), m.categorical_accuracy(t, p),
        m.sparse_categorical_accuracy(s, p), m.binary_crossentropy(t, p),
        m.mean_squared_error(t, p), m.pearson_correlation(t, p),
        m.concordance_correlation(t, p), m.top_k_categorical_accuracy(t, p, k=2)]
model = keras.Model([t, p, s], outs)
record = [[list(o.shape), o.dtype] for o in outs]
""")

# -- keras.config ------------------------------------------------------------------------------

case("config/functions", """
c = keras.config
before = [c.floatx(), c.epsilon(), c.image_data_format(), c.backend(), c.dtype_policy().name,
          c.is_traceback_filtering_enabled(), c.is_interactive_logging_enabled(),
          c.is_flash_attention_enabled(), c.max_epochs(), c.max_steps_per_epoch(),
          c.is_nnx_enabled()]
c.disable_traceback_filtering()
c.disable_interactive_logging()
c.disable_flash_attention()
c.set_max_epochs(3)
c.set_max_steps_per_epoch(10)
c.enable_unsafe_deserialization()
c.set_epsilon(1e-5)
after = [c.is_traceback_filtering_enabled(), c.is_interactive_logging_enabled(),
         c.is_flash_attention_enabled(), c.max_epochs(), c.max_steps_per_epoch(), c.epsilon(),
         keras.backend.epsilon()]
c.enable_traceback_filtering()
c.enable_interactive_logging()
c.enable_flash_attention()
record = {"before": before, "after": after,
          "restored": [c.is_traceback_filtering_enabled(), c.is_interactive_logging_enabled(),
                       c.is_flash_attention_enabled()],
          "errors": [err(lambda: c.set_floatx("int32")),
                     err(lambda: c.set_image_data_format("channels_middle")),
                     err(lambda: c.set_dtype_policy(3))]}
""")
case("config/floatx_float16", """
keras.config.set_floatx("float16")
model = keras.Sequential([keras.Input((4,)), layers.Dense(3), layers.BatchNormalization()])
record = [keras.config.floatx(), [w.dtype for w in model.weights],
          keras.optimizers.Adam(0.1).get_config()["learning_rate"]]
""", tags=["eager"])
case("config/floatx_float64", """
keras.config.set_floatx("float64")
model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
record = [w.dtype for w in model.weights]
""", tags=["dtype"])
case("config/image_data_format", """
keras.config.set_image_data_format("channels_first")
model = keras.Sequential([keras.Input((3, 16, 16)), layers.Conv2D(4, 3), layers.MaxPooling2D(),
                          layers.Flatten(), layers.Dense(2)])
record = [keras.config.image_data_format(), keras.backend.image_data_format()]
""")
case("config/dtype_policy", """
keras.config.set_dtype_policy("mixed_float16")
model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
model.compile(optimizer="adam", loss="mse")
policy = keras.config.dtype_policy()
record = {"policy": [policy.name, policy.compute_dtype, policy.variable_dtype],
          "layer": [model.layers[0].dtype_policy.name, model.layers[0].compute_dtype],
          "optimizer": type(model.optimizer).__name__,
          "inner": model.optimizer.get_config()["inner_optimizer"]["class_name"],
          "mp_policy": keras.mixed_precision.global_policy().name,
          "policies": [keras.dtype_policies.get(n).name for n in ("bfloat16", "mixed_bfloat16")],
          "equal": keras.DTypePolicy("float32") == keras.FloatDTypePolicy("float32"),
          "quantized": keras.dtype_policies.QuantizedDTypePolicy("int8", "float32").get_config()}
""", tags=["eager"])

# -- variables and weights ------------------------------------------------------------------

case("variables/keras_variable", """
v = keras.Variable(np.zeros((3, 4), dtype="float32"), name="table")
s = keras.Variable(0.5, name="scale", trainable=False)
i = keras.Variable(initializer="ones", shape=(2, 2), dtype="float16")
n = keras.Variable(keras.initializers.GlorotUniform(), shape=(5,))
record = {"v": [v.name, v.path, list(v.shape), v.dtype, v.trainable],
          "s": [s.path, list(s.shape), s.dtype, s.trainable],
          "i": [list(i.shape), i.dtype], "n": [list(n.shape), n.dtype, n.name],
          "assign_ok": err(lambda: v.assign(np.ones((3, 4)))),
          "assign_bad": err(lambda: v.assign(np.ones((4, 3)))),
          "no_shape": err(lambda: keras.Variable(initializer="zeros")),
          "bad_name": err(lambda: keras.Variable(1.0, name="a/b")),
          "aggregation": err(lambda: keras.Variable(1.0, aggregation="max"))}
""", tags=["initializer", "loose_message"])
case("variables/set_weights", """
model = keras.Sequential([keras.Input((3,)), layers.Dense(2), layers.BatchNormalization()])
dense = model.layers[0]
shapes = [w.shape for w in model.get_weights()]
record = {"shapes": [list(s) for s in shapes],
          "ok": err(lambda: model.set_weights([np.zeros(s) for s in shapes])),
          "layer_ok": err(lambda: dense.set_weights([np.zeros((3, 2)), np.zeros(2)])),
          "count": err(lambda: dense.set_weights([np.zeros((3, 2))])),
          "shape": err(lambda: dense.set_weights([np.zeros((2, 3)), np.zeros(2)])),
          "model_count": err(lambda: model.set_weights([np.zeros((3, 2))])),
          "assign": err(lambda: dense.weights[0].assign(np.zeros((3, 3))))}
""", tags=["loose_message"])

# -- clone_model ---------------------------------------------------------------------------------

case("clone/sequential", """
base = keras.Sequential([keras.Input((8,), name="features"), layers.Dense(16, activation="relu"),
                         layers.Dropout(0.2), layers.Dense(3)], name="base")
model = keras.models.clone_model(base)
record = {"same_layers": [a is b for a, b in zip(base.layers, model.layers)],
          "names": [l.name for l in model.layers], "name": model.name}
""")
case("clone/sequential_input_tensors", """
base = keras.Sequential([layers.Dense(4), layers.Dense(2)])
model = keras.models.clone_model(base, input_tensors=keras.Input((6,), batch_size=8))
""")
case("clone/functional_clone_function", """
inputs = keras.Input((10,), name="x")
h = layers.Dense(8, name="hidden")(inputs)
a = layers.Dense(3, name="a")(h)
b = layers.Dense(3, name="b")(h)
base = keras.Model(inputs, layers.Add(name="sum")([a, b]), name="two_heads")

def clone_function(layer):
    config = layer.get_config()
    if isinstance(layer, layers.Dense):
        config["units"] = config["units"] * 2 if layer.name == "hidden" else config["units"]
        config["name"] = "new_" + layer.name
    return layer.__class__.from_config(config)

model = keras.models.clone_model(base, clone_function=clone_function)
""")
case("clone/functional_new_inputs_nested", """
inner = keras.Sequential([keras.Input((6,)), layers.Dense(5), layers.Dense(4)], name="inner")
x = keras.Input((6,))
base = keras.Model(x, layers.Dense(2)(inner(x)), name="outer")
new_input = keras.Input((6,), batch_size=2, name="fixed")
model = keras.models.clone_model(base, input_tensors=new_input)
deep = keras.models.clone_model(base, recursive=True)
record = {"inner_shared": model.layers[1] is inner, "deep_inner_shared": deep.layers[1] is inner,
          "errors": [err(lambda: keras.models.clone_model(base, foo=1)),
                     err(lambda: keras.models.clone_model(
                         inner, call_function=lambda layer, *a, **k: layer(*a, **k)))]}
""", tags=["loose_message"])
case("clone/compiled", """
base = keras.Sequential([layers.Dense(4), layers.Dense(2)])
base.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", metrics=["mae"])
clone = keras.models.clone_model(base)
record = {"compiled": clone.compiled, "optimizer": type(clone.optimizer).__name__,
          "config": clone.get_compile_config(), "built": clone.built}
""", tags=["eager"])

# -- compile -------------------------------------------------------------------------------------

case("compile/forms", """
def build():
    x = keras.Input((4,), name="x")
    return keras.Model(x, {"out": layers.Dense(2, name="out")(x)})

forms = [dict(), dict(optimizer="adam", loss="mse"),
         dict(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.MeanSquaredError(),
              metrics=["mae", keras.metrics.AUC()]),
         dict(optimizer="sgd", loss={"out": "mse"}, loss_weights={"out": 0.5},
              metrics={"out": ["accuracy"]}),
         dict(loss=["mse"], metrics=[["mae"]], weighted_metrics=["mse"]),
         dict(loss=keras.losses.binary_crossentropy, run_eagerly=True),
         dict(steps_per_execution=8, jit_compile=False, auto_scale_loss=False)]
record = []
for kwargs in forms:
    model = build()
    model.compile(**kwargs)
    record.append([type(model.optimizer).__name__, model.compiled, model.get_compile_config()])
model = build()
record.append({"errors": [err(lambda: model.compile(optimizer="adamm")),
                          err(lambda: model.compile(metrics="accuracy")),
                          err(lambda: model.compile(loss="mse", loss_weights="1")),
                          err(lambda: model.compile(optimizer="adam", lr=0.1))],
               "not_compiled": build().get_compile_config()})
""", tags=["eager"])

# -- add_loss / add_metric -----------------------------------------------------------------------

case("add_loss/custom_layer", """
class ActivityL1(layers.Layer):
    def __init__(self, rate=1e-2, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs):
        self.add_loss(self.rate * keras.ops.sum(keras.ops.abs(inputs)))
        return inputs

class Sampling(layers.Layer):
    def call(self, inputs):
        mean, log_var = inputs
        kl = -0.5 * keras.ops.mean(1 + log_var - keras.ops.square(mean) - keras.ops.exp(log_var))
        self.add_loss(kl)
        return mean + keras.ops.exp(0.5 * log_var)

x = keras.Input((8,))
h = ActivityL1()(layers.Dense(6)(x))
z = Sampling()([layers.Dense(2)(h), layers.Dense(2)(h)])
model = keras.Model(x, layers.Dense(8)(z))
record = {"losses": len(model.losses),
          "model_add_loss": err(lambda: model.add_loss(keras.ops.mean(z))),
          "add_metric": err(lambda: model.layers[2].add_metric(z, name="z")),
          "outside_call": err(lambda: model.layers[2].add_loss(1.0))}
""", tags=["loose_message"])

# -- adapt -----------------------------------------------------------------------------------------

case("adapt/normalization", """
data = np.random.default_rng(0).normal(size=(200, 6)).astype("float32")
norm = layers.Normalization()
norm.adapt(data)
model = keras.Sequential([keras.Input((6,)), norm, layers.Dense(2)])
record = [[w.name, list(w.shape), w.dtype] for w in norm.weights]
""", tags=["eager"])
case("adapt/normalization_axes", """
images = np.zeros((10, 8, 8, 3), dtype="float32")
per_channel = layers.Normalization(axis=-1)
per_channel.adapt(images)
per_pixel = layers.Normalization(axis=(1, 2))
per_pixel.adapt(images)
scalar = layers.Normalization(axis=None)
scalar.adapt(images)
x = keras.Input((8, 8, 3))
model = keras.Model(x, [per_channel(x), per_pixel(x), scalar(x)])
record = [[list(w.shape) for w in l.weights] for l in (per_channel, per_pixel, scalar)]
""", tags=["eager"])
# -- saving / serialization ------------------------------------------------------------------------

case("saving/serialize_objects", """
s = keras.saving
record = {"plain": [s.serialize_keras_object(x) for x in (None, 1, 0.5, "a", [1, (2, 3)], {"k": 1})],
          "objects": [s.serialize_keras_object(x) for x in
                      (keras.optimizers.SGD(0.5), keras.losses.Huber(), keras.metrics.AUC(),
                       keras.regularizers.L2(0.1), keras.initializers.Zeros(),
                       keras.constraints.NonNeg(), keras.losses.mean_squared_error,
                       keras.activations.relu, keras.metrics.binary_accuracy)],
          "custom_objects": sorted(s.get_custom_objects())[:0],
          "scope": None}
class Thing:
    def __init__(self, a=1):
        self.a = a

    def get_config(self):
        return {"a": self.a}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

with s.CustomObjectScope({"Thing": Thing}):
    record["scope"] = s.deserialize_keras_object(
        {"module": "__main__", "class_name": "Thing", "config": {"a": 5},
         "registered_name": "Thing"}).a
record["unknown"] = err(lambda: s.deserialize_keras_object(
    {"module": "__main__", "class_name": "Nope", "config": {}, "registered_name": "Nope"}))
record["no_config"] = err(lambda: s.register_keras_serializable()(type("NoConfig", (), {})))
""", tags=["loose_message"])

# -- import paths ----------------------------------------------------------------------------------

case("imports/paths", """
from keras.preprocessing import image_dataset_from_directory
from keras.utils import image_dataset_from_directory as from_utils
from keras.optimizers.schedules import ExponentialDecay
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.layers import TextVectorization, StringLookup
from keras.models import clone_model, load_model, save_model
from keras.mixed_precision import LossScaleOptimizer, set_global_policy
from keras.distribution import DataParallel
from keras.dtype_policies import DTypePolicyMap
from keras.utils import Sequence, PyDataset
import keras.ops.nn
record = {"same": image_dataset_from_directory is from_utils,
          "sequence": Sequence is PyDataset,
          "bad_args": err(lambda: image_dataset_from_directory("d", image_sise=(8, 8))),
          "get_file_args": err(lambda: keras.utils.get_file()),
          "missing": err(lambda: keras.optimizers.schedules.NoSuchSchedule)}
class Batches(keras.utils.PyDataset):
    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return i

record["pydataset"] = [len(Batches(3, workers=2)), Batches(2)[1]]
""", tags=["loose_message"])
case("imports/utils_helpers", """
x = keras.Input((3,), name="a")
y = keras.Input((2,), name="b")
z = layers.Concatenate()([layers.Dense(2)(x), y])
record = {"sources": [t.name for t in keras.utils.get_source_inputs(z)],
          "pack": [keras.utils.pack_x_y_sample_weight(1), keras.utils.pack_x_y_sample_weight(1, 2),
                   keras.utils.pack_x_y_sample_weight(1, 2, 3)],
          "unpack": [keras.utils.unpack_x_y_sample_weight((1, 2)),
                     keras.utils.unpack_x_y_sample_weight(5)],
          "is_keras_tensor": [keras.utils.is_keras_tensor(x), keras.utils.is_keras_tensor(1)],
          "standardize": [keras.utils.standardize_dtype("float32"),
                          err(lambda: keras.utils.standardize_dtype("float"))],
          "float": [keras.backend.is_float_dtype("bfloat16"), keras.backend.is_int_dtype("uint8"),
                    keras.backend.is_float_dtype("int8")]}
""")
