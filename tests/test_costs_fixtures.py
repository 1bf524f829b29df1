"""The cost fixtures of issue 11 (tests/golden/costs/) are internally consistent.

These fixtures are the truth the future ``paramscope profile`` will be tested against; they are
made by tools/make_costs.py with real Keras 3.15 (see tests/golden/costs/README.md).  This module
does not test paramscope: it checks that the files hold what they claim (rows add up to the
totals, nested models are their calls times their own total, byte counts are consistent, every
family and optimizer the issue names is covered, the published-vs-computed table explains every
difference over 2%), and spot-checks a few figures against the convention worked by hand.
"""

import gzip
import json
import math
import os

import pytest

from conftest import GOLDEN, load_golden

DIR = os.path.join(GOLDEN, "costs")


@pytest.fixture(scope="module")
def macs():
    return load_golden("costs", "macs.json.gz")


@pytest.fixture(scope="module")
def models(macs):
    return {m["id"]: m for m in macs["models"]}


@pytest.fixture(scope="module")
def optimizers():
    return load_golden("costs", "optimizers.json.gz")


@pytest.fixture(scope="module")
def published():
    with open(os.path.join(DIR, "published.json"), encoding="utf-8") as f:
        return json.load(f)


def _sum_or_none(values):
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


def _walk(rows, where=""):
    for row in rows:
        yield where, row
        if "model" in row:
            yield from _walk(row["model"]["layers"], f"{where}/{row['name']}")


def test_files_are_deterministic_gzip():
    for name in ("macs.json.gz", "optimizers.json.gz"):
        with open(os.path.join(DIR, name), "rb") as f:
            header = f.read(10)
        assert header[:2] == b"\x1f\x8b" and header[4:8] == b"\0\0\0\0", name  # mtime 0


def test_rows_sum_to_the_totals(macs):
    assert len(macs["models"]) >= 300
    for model in macs["models"]:
        assert model["macs"] == _sum_or_none(r["macs"] for r in model["layers"]), model["id"]
        for where, row in _walk(model["layers"]):
            if "model" in row:
                inner = row["model"]
                assert inner["macs"] == _sum_or_none(r["macs"] for r in inner["layers"])
                want = None if inner["macs"] is None or not row["calls"] else \
                    row["calls"] * inner["macs"]
                assert row["macs"] == want, (model["id"], where, row["name"])


def test_activation_figures(macs):
    for model in macs["models"]:
        counted = [r["activation_bytes"] for r in model["layers"]
                   if r["class_name"] != "InputLayer" and not r.get("operation")]
        assert model["activation_bytes"] == _sum_or_none(counted), model["id"]
        assert model["input_bytes"] is None or model["input_bytes"] > 0, model["id"]
        for _, row in _walk(model["layers"]):
            for key in ("macs", "activation_bytes"):
                value = row[key]
                assert value is None or (isinstance(value, int) and value >= 0), (model["id"], row)
            if row["calls"] == 0:
                assert row["activation_bytes"] is None, (model["id"], row["name"])


def test_every_family_is_covered(macs):
    classes = {row["class_name"] for m in macs["models"] for _, row in _walk(m["layers"])
               if row["macs"]}
    for name in ("Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
                 "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D",
                 "SeparableConv2D", "Dense", "EinsumDense", "MultiHeadAttention",
                 "GroupedQueryAttention", "Attention", "AdditiveAttention", "SimpleRNN", "LSTM",
                 "GRU", "RNN", "Bidirectional", "TimeDistributed", "ConvLSTM1D", "ConvLSTM2D",
                 "ConvLSTM3D", "SpectralNormalization", "ReversibleEmbedding"):
        assert name in classes, name
    rows = [row for m in macs["models"] for _, row in _walk(m["layers"])]
    assert any(r["calls"] > 1 and r["macs"] for r in rows), "a shared layer"
    assert any("model" in r and r["calls"] > 1 for r in rows), "a nested model called twice"
    assert any("model" in r for r in rows), "a nested model"
    assert any(r.get("operation") for r in rows), "a keras.ops row"
    assert sum(m["macs"] is None for m in macs["models"]) > 0, "unknown dimensions"


def test_every_application_architecture(models):
    functions = {m["application"]["function"] for m in models.values() if "application" in m}
    for name in ("Xception", "VGG16", "VGG19", "ResNet50", "ResNet101", "ResNet152",
                 "ResNet50V2", "ResNet101V2", "ResNet152V2", "InceptionV3", "InceptionResNetV2",
                 "MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large",
                 "DenseNet121", "DenseNet169", "DenseNet201", "NASNetMobile", "NASNetLarge",
                 "ConvNeXtTiny", "ConvNeXtSmall", "ConvNeXtBase", "ConvNeXtLarge",
                 "ConvNeXtXLarge", "EfficientNetV2S", "EfficientNetV2M", "EfficientNetV2L"):
        assert name in functions, name
    assert {f"EfficientNetB{i}" for i in range(8)} <= functions
    assert {f"EfficientNetV2B{i}" for i in range(4)} <= functions


# Figures worked by hand from the convention (tests/golden/costs/README.md).
HAND = {
    # 30 output positions x (3 x 6 x 12) kernel
    "costs/conv/Conv1D_k3": 30 * 3 * 6 * 12,
    # groups=3: kernel (3, 2, 12); 30 positions
    "costs/conv/Conv1D_g3": 30 * 3 * 2 * 12,
    # transposed: 32 INPUT positions x (3 x 5 x 6) kernel
    "costs/conv/Conv1DTranspose_s2": 32 * 3 * 5 * 6,
    # 14 positions x (depthwise 3x8x2 + pointwise 1x16x16)
    "costs/conv/SeparableConv1D_m2_s2": 14 * (3 * 8 * 2 + 16 * 16),
    # Dense on (3, 5, 6): 15 x (6 x 7)
    "costs/dense/rank4": 15 * 6 * 7,
    # '...b,bc->...c' on (None, 4, 5, 16), c = 9: 4 x 5 x 16 x 9 (the batch counts 1)
    "costs/einsum/ellipsis_lead": 4 * 5 * 16 * 9,
    # MHA(4 heads, key 8) on (10, 16): 4 projections of 10x16x32 + 4 x 10 x 10 x (8 + 8)
    "costs/mha/self": 4 * (10 * 16 * 32) + 4 * 10 * 10 * 16,
    # attention_axes=2 on (6, 5, 8), 2 heads x 4: 4 projections of 30x8x8, then
    # 2 heads x (6 x 5) query positions x 5 key positions x (4 + 4)
    "costs/mha/attention_axes_one": 4 * (30 * 8 * 8) + 2 * 30 * 5 * 8,
    # LSTM(16) on (12, 5): 12 x (5 x 64 + 16 x 64)
    "costs/rnn/LSTM": 12 * (5 * 64 + 16 * 64),
    # ConvLSTM2D(4, 3) on (4, 12, 10, 3): 4 steps x 10x8 positions x (3x3x3x16 + 3x3x4x16)
    "costs/convlstm/ConvLSTM2D": 4 * 80 * (3 * 3 * 3 * 16 + 3 * 3 * 4 * 16),
    # Attention on q (6, 12), v (9, 12): 2 x 6 x 9 x 12
    "costs/dense_attention/Attention_qv": 2 * 6 * 9 * 12,
    # a Dense(16) shared by two calls on (8,)
    "costs/graph/siamese_shared_dense": 2 * 8 * 16,
    # a nested Sequential (10x6 + 6x3) called twice
    "costs/graph/nested_called_twice": 2 * (10 * 6 + 6 * 3),
    # tied embedding: lookup 0, Dense(16) 12 x 16 x 16, reverse 12 x (100 x 16)
    "costs/embedding/reversible": 12 * 16 * 16 + 12 * 100 * 16,
}


@pytest.mark.parametrize("case_id", sorted(HAND))
def test_hand_worked_figures(models, case_id):
    assert models[case_id]["macs"] == HAND[case_id]


def test_mixed_precision_halves_activations(models):
    full, mixed = models["costs/mixed/float32_cnn"], models["costs/mixed/mixed_float16_cnn"]
    assert full["macs"] == mixed["macs"]
    # every layer but the float32 softmax (10 values) computes in float16
    assert mixed["activation_bytes"] == full["activation_bytes"] // 2 + 10 * 2


def test_optimizer_state(optimizers):
    assert len(optimizers["models"]) >= 5
    classes = set()
    for m in optimizers["models"]:
        assert m["gradients_bytes"] == sum(
            math.prod(shape) * {"float32": 4, "float16": 2, "bfloat16": 2}[dtype]
            for _, shape, dtype in m["trainable"])
        assert m["weights_bytes"] == sum(v["bytes"] for v in m["weights_by_dtype"].values())
        by_id = {o["id"]: o for o in m["optimizers"]}
        for o in m["optimizers"]:
            classes.add(o["class_name"])
            assert o["count"] == len(o["variables"])
            assert o["params"] == sum(math.prod(v["shape"]) for v in o["variables"])
            assert o["bytes"] == sum(v["bytes"] for v in o["variables"])
        # the rule: adam = 2 slots x trainable + iteration + learning_rate
        assert by_id["adam"]["params"] == 2 * m["trainable_count"] + 2
        assert by_id["sgd"]["params"] == 2
        assert by_id["sgd_momentum"]["params"] == m["trainable_count"] + 2
        assert by_id["adam_amsgrad"]["params"] == 3 * m["trainable_count"] + 2
        assert by_id["adam_schedule"]["params"] == 2 * m["trainable_count"] + 1
    exported = {"Adadelta", "Adafactor", "Adagrad", "Adam", "AdamW", "Adamax", "Ftrl", "Lamb",
                "Lion", "LossScaleOptimizer", "MultiOptimizer", "Muon", "Nadam", "RMSprop", "SGD",
                "ScheduleFreeAdamW"}
    assert exported <= classes
    mixed = {m["id"]: m for m in optimizers["models"]}["mixed_float16_cnn"]
    compiled = {o["id"]: o for o in mixed["optimizers"]}["compile_adam"]
    assert compiled["class_name"] == "LossScaleOptimizer"


def test_freezing_changes_gradients_by_the_frozen_weights(optimizers):
    seed = {m["id"]: m for m in optimizers["models"]}["seed_cnn_bn_frozen"]
    paths = [path for path, _, _ in seed["trainable"]]
    assert not any("Conv1" in p for p in paths)
    frozen = sum(v["bytes"] for v in seed["weights_by_dtype"].values()) - seed["gradients_bytes"]
    # Conv1 (3x3x3x32 + 32) and BN1's moving mean/variance (2 x 32), float32
    assert frozen == 4 * (3 * 3 * 3 * 32 + 32 + 2 * 32)


def test_published_table(published, models):
    rows = published["rows"]
    assert len(rows) >= 30
    for row in rows:
        assert models[row["id"]]["macs"] == row["computed_macs"], row["id"]
        if row["published"] is None:
            assert row["difference"] is None and row.get("note")
            continue
        assert row["source"] and row["paper"]["arxiv"]
        difference = row["computed_macs"] / row["published"] - 1
        assert row["difference"] == round(difference, 4)
        if abs(difference) > published["threshold"]:
            assert row.get("explanation"), row["model"]
        else:
            assert "explanation" not in row, row["model"]
