"""Real model files saved by Keras 3.15 and tf-keras 2.21 (tools/make_files.py), read by paramscope.

Each file has ``<file>.expected.json.gz``: what real Keras printed and counted
for the model rebuilt from that file (``loaded``; ``original`` is the model as
built).  tf-keras files may also have ``<file>.keras3.json.gz``: what Keras 3
prints after loading them, when it can.  No Keras is needed here.
"""

import glob
import gzip
import json
import os

import pytest

import paramscope
from conftest import GOLDEN
from paramscope import formats
from paramscope.layers import registry
from paramscope.report import keras3, render_summary
from paramscope.summary import summarize

FILES = os.path.join(GOLDEN, "files")
MODEL_EXTS = (".keras", ".h5", ".json")


def _model_files(backend):
    return sorted(p for p in glob.glob(os.path.join(FILES, backend, "*"))
                  if p.endswith(MODEL_EXTS))


def _read_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def _expected(path):
    data = _read_gz(path + ".expected.json.gz")
    return data, data.get("loaded") or data["original"]


def _missing_layers(record):
    """Layer classes the expected model uses that paramscope does not have (yet)."""
    known = set(registry()) | {"Functional", "Sequential", "InputLayer", "TFOpLambda"}
    missing = set()
    for layer in record["layers"]:
        if layer.get("is_operation"):
            continue
        if layer["class_name"] not in known:
            missing.add(layer["class_name"])
    return sorted(missing)


def _load(path):
    model = paramscope.load(path)
    return model, summarize(model)


def _shape(row_shape):
    if row_shape is None:
        return None
    if isinstance(row_shape, list):
        return [list(s) for s in row_shape]
    return list(row_shape)


def _expected_shape(shape):
    if shape is None:
        return None
    if shape and isinstance(shape[0], list):
        return [list(s) for s in shape] if len(shape) > 1 else list(shape[0])
    return list(shape)


def _check_rows(summary, record, check_inbound):
    assert summary.name == record["name"]
    assert [(r.name, r.class_name) for r in summary.layers] == [
        (l["name"], l["class_name"]) for l in record["layers"]]
    for row, exp in zip(summary.layers, record["layers"]):
        where = f"layer {row.name}"
        assert _shape(row.output_shape) == _expected_shape(exp["output_shape"]), where
        assert row.params == exp["params"], where
        assert row.trainable_params == exp["trainable_params"], where
        assert row.non_trainable_params == exp["non_trainable_params"], where
        if exp.get("trainable") is not None:
            assert row.trainable == exp["trainable"], where
        if exp.get("weights"):
            assert sorted(tuple(w.shape) for w in row.weights) == sorted(
                tuple(w["shape"]) for w in exp["weights"]), where
        if check_inbound and not summary.sequential_like:
            assert [list(x) for x in row.inbound] == [list(x) for x in exp["inbound"]], where
    assert summary.weight_params == record["total_params"]
    assert summary.trainable_params == record["trainable_params"]
    assert summary.non_trainable_params == record["non_trainable_params"]
    assert summary.weight_bytes == record["total_bytes"]


KERAS3_FILES = _model_files("keras3")
TFKERAS_FILES = _model_files("tfkeras")


def test_files_present():
    assert len(KERAS3_FILES) >= 15, "run tools/make_files.py --backend keras3"
    assert len(TFKERAS_FILES) >= 15, "run tools/make_files.py --backend tfkeras"
    for path in KERAS3_FILES + TFKERAS_FILES:
        assert os.path.exists(path + ".expected.json.gz"), path
        assert os.path.getsize(path) < 64 * 1024, f"{path}: keep the golden files small"


@pytest.mark.parametrize("path", KERAS3_FILES, ids=os.path.basename)
def test_keras3_file_rows_and_totals(path):
    data, record = _expected(path)
    assert "loaded" in data, data.get("load_error")
    missing = _missing_layers(record)
    if missing:
        pytest.skip(f"paramscope has no {', '.join(missing)} yet")
    _, summary = _load(path)
    _check_rows(summary, record, check_inbound=True)


@pytest.mark.parametrize("path", KERAS3_FILES, ids=os.path.basename)
def test_keras3_file_summary_text_identical(path):
    # (trained.keras: Keras prints " Optimizer params: N (size)" and counts them in the total.)
    data, record = _expected(path)
    missing = _missing_layers(record)
    if missing:
        pytest.skip(f"paramscope has no {', '.join(missing)} yet")
    _, summary = _load(path)
    texts = record["summaries"]
    assert keras3.render(summary, columns=200, console_width=200) == texts["c200"]
    assert keras3.render(summary, columns=200, console_width=200,
                         show_trainable=True) == texts["c200_trainable"]
    assert keras3.render(summary, columns=80, console_width=80) == texts["c80"]
    assert keras3.render(summary, columns=200, console_width=200,
                         line_length=120) == texts["c200_l120"]


@pytest.mark.parametrize("path", TFKERAS_FILES, ids=os.path.basename)
def test_tfkeras_file_rows_and_totals(path):
    data, record = _expected(path)
    missing = _missing_layers(record)
    if missing:
        pytest.skip(f"paramscope has no {', '.join(missing)} yet")
    _, summary = _load(path)
    # tf-keras records shapes with InputLayer as [[None, 6]] and no inbound lists.
    assert [(r.name, r.class_name) for r in summary.layers] == [
        (l["name"], l["class_name"]) for l in record["layers"]]
    for row, exp in zip(summary.layers, record["layers"]):
        where = f"layer {row.name}"
        shape = exp["output_shape"]
        if row.is_input_layer and isinstance(shape, list) and len(shape) == 1:
            shape = shape[0]
        assert _shape(row.output_shape) == _expected_shape(shape), where
        assert row.params == exp["params"], where
        assert row.trainable_params == exp["trainable_params"], where
        assert row.non_trainable_params == exp["non_trainable_params"], where
    assert summary.weight_params == record["total_params"]
    assert summary.trainable_params == record["trainable_params"]
    assert summary.non_trainable_params == record["non_trainable_params"]


@pytest.mark.parametrize("path", TFKERAS_FILES, ids=os.path.basename)
def test_tfkeras_file_as_keras3_prints_it(path):
    """Where Keras 3 can load a tf-keras file, paramscope prints what Keras 3 prints."""
    k3 = path + ".keras3.json.gz"
    if not os.path.exists(k3):
        pytest.skip("no Keras 3 record (run tools/make_files.py --backend keras3)")
    data = _read_gz(k3)
    if "loaded" not in data:
        # Keras 3 cannot load it (tf-keras JSON class names, nested models...);
        # paramscope can: the rows are checked against tf-keras above.
        model, summary = _load(path)
        assert summary.total_params == _expected(path)[1]["total_params"]
        return
    record = data["loaded"]
    _, summary = _load(path)
    _check_rows(summary, record, check_inbound=True)
    assert keras3.render(summary, columns=200, console_width=200) == record["summaries"]["c200"]


@pytest.mark.parametrize("path", TFKERAS_FILES, ids=os.path.basename)
def test_tfkeras_file_keras2_text(path):
    data, record = _expected(path)
    _, summary = _load(path)
    assert render_summary(summary, style="keras2").rstrip("\n") == record["summaries"]["default"]


# ---------------------------------------------------------------------------
# weights cross-check on every real file that holds weights
# ---------------------------------------------------------------------------
WEIGHT_FILES = [p for p in KERAS3_FILES + TFKERAS_FILES if p.endswith((".keras", ".h5"))]


@pytest.mark.parametrize("path", WEIGHT_FILES,
                         ids=lambda p: os.path.relpath(p, FILES))
def test_stored_weight_shapes_agree(path):
    pytest.importorskip("h5py")
    model, _ = _load(path)
    report = formats.weight_report(model)
    assert report is not None and report.checked, report
    assert report.mismatches == []
    assert report.layers_checked >= 2
    assert not [w for w in model._warnings if "weights disagree" in w]


def test_weights_never_read_without_request(monkeypatch):
    path = os.path.join(FILES, "keras3", "nested.keras")
    model = paramscope.load(path, check_weights=False)
    assert formats.weight_report(model) is None


# ---------------------------------------------------------------------------
# Keras quirks the files exercise
# ---------------------------------------------------------------------------
def test_keras3_nested_functional_output_index():
    """output_layers name a nested Functional's call one higher (Keras subtracts 1)."""
    path = os.path.join(FILES, "keras3", "nested.json")
    with open(path) as f:
        config = json.load(f)
    assert ["base", 1, 0] in config["config"]["output_layers"]
    model, summary = _load(path)
    base = model.get_layer("base")
    assert model.outputs[1] is base._inbound_nodes[0].outputs[0]


def test_tfkeras_nested_model_config_index_is_one():
    """tf.keras numbers a nested model's first call 1 in configs; it is node 0."""
    path = os.path.join(FILES, "tfkeras", "nested.json")
    with open(path) as f:
        config = json.load(f)
    head = next(l for l in config["config"]["layers"] if l["name"] == "head")
    assert head["inbound_nodes"] == [[["base", 1, 0, {}]]]
    model, summary = _load(path)
    rows = {r.name: r for r in summary.layers}
    assert rows["head"].inbound == [("base", 0, 0)]
    assert len(model.get_layer("base")._inbound_nodes) == 1


def test_keras3_cannot_load_tfkeras_nested_but_paramscope_can():
    data = _read_gz(os.path.join(FILES, "tfkeras", "nested.h5.keras3.json.gz"))
    assert "load_error" in data  # Keras 3: "Invalid Functional model configuration"
    _, summary = _load(os.path.join(FILES, "tfkeras", "nested.h5"))
    assert summary.total_params == _expected(os.path.join(FILES, "tfkeras", "nested.h5"))[1]["total_params"]


def test_shared_layer_at_two_depths_connections():
    path = os.path.join(FILES, "keras3", "shared_depths.json")
    _, summary = _load(path)
    rows = {r.name: r for r in summary.layers}
    assert rows["a"].inbound == [("b", 0, 0), ("b", 1, 0)]
    assert rows["b"].inbound == [("x", 0, 0), ("a", 0, 0)]


def test_lambda_declared_shape_and_passthrough_warning():
    for path in (os.path.join(FILES, "keras3", "lambda.keras"),
                 os.path.join(FILES, "tfkeras", "lambda.h5"),
                 os.path.join(FILES, "tfkeras", "lambda.json")):
        model, summary = _load(path)
        rows = {r.name: r for r in summary.layers}
        assert rows["half"].output_shape == (None, 3)
        assert rows["plus_one"].output_shape == (None, 3)
        assert any("plus_one" in w and "input shape" in w for w in summary.warnings), path
        # The function is inert data, never code.
        assert not callable(model.get_layer("half").function)


def test_frozen_nested_base_counts():
    """base.trainable = False: its weights are non-trainable; Keras 3 forgets the flag of a
    nested Sequential on load (Sequential.from_config ignores `trainable`) but not the counts."""
    model, summary = _load(os.path.join(FILES, "keras3", "nested.keras"))
    rows = {r.name: r for r in summary.layers}
    assert rows["base"].trainable is False
    assert rows["base"].trainable_params == 0 and rows["base"].non_trainable_params == 35


def test_keras_operations_and_tf_ops():
    _, summary = _load(os.path.join(FILES, "keras3", "ops.json"))
    rows = {r.name: r for r in summary.layers}
    assert rows["add"].class_name == "Add" and rows["add"].params == 0
    assert rows["add"].inbound == [("h", 0, 0), ("x", 0, 0)]
    _, summary = _load(os.path.join(FILES, "tfkeras", "tfops.json"))
    classes = [r.class_name for r in summary.layers]
    assert "TFOpLambda" in classes


def test_dict_inputs_and_outputs():
    for backend in ("keras3", "tfkeras"):
        model, summary = _load(os.path.join(FILES, backend, "multi_io_dict.json"))
        assert sorted(t._keras_history.operation.name for t in model.inputs) == ["body", "title"]
        assert summary.total_params == _expected(os.path.join(FILES, backend, "multi_io_dict.json"))[1]["total_params"]


def test_unbuilt_sequential_from_file():
    _, summary = _load(os.path.join(FILES, "keras3", "sequential_unbuilt.json"))
    assert not summary.built or all(not r.built for r in summary.layers)
    assert [r.output_shape for r in summary.layers] == [None, None]


def test_file_info_and_layout():
    model = paramscope.load(os.path.join(FILES, "tfkeras", "nested.keras"))
    assert model._file_info["format"] == "keras"
    assert model._file_info["keras_version"].startswith("2.")
    assert model._file_info["layout"] == "keras2"
    model = paramscope.load(os.path.join(FILES, "keras3", "nested.keras"))
    assert model._file_info["keras_version"].startswith("3.")
    assert model._file_info["layout"] == "keras3"


def test_detection_by_content_not_extension(tmp_path):
    bad = os.path.join(FILES, "bad")
    archive = tmp_path / "archive_no_extension"
    with open(os.path.join(FILES, "keras3", "sequential.keras"), "rb") as f:
        archive.write_bytes(f.read())
    model = paramscope.load(archive)
    assert model.name == "mlp"
    assert formats.weight_report(model) is None or formats.weight_report(model).mismatches == []
    model = paramscope.load(os.path.join(bad, "config_no_extension"))
    assert model.name == "mlp"
    # A .json file that is really a .keras archive, and a .keras file that is JSON.
    renamed = tmp_path / "model.json"
    with open(os.path.join(FILES, "keras3", "cnn.keras"), "rb") as f:
        renamed.write_bytes(f.read())
    assert paramscope.load(renamed).name == "tiny_cnn"
    renamed = tmp_path / "model.keras"
    with open(os.path.join(FILES, "keras3", "cnn.json"), "rb") as f:
        renamed.write_bytes(f.read())
    assert paramscope.load(renamed).name == "tiny_cnn"
    # gzip'ed JSON, bytes and file objects.
    gz = tmp_path / "cnn.json.gz"
    with open(os.path.join(FILES, "keras3", "cnn.json"), "rb") as f:
        raw = f.read()
    gz.write_bytes(gzip.compress(raw))
    assert paramscope.load(gz).name == "tiny_cnn"
    assert paramscope.load(raw).name == "tiny_cnn"
    with open(os.path.join(FILES, "keras3", "cnn.keras"), "rb") as f:
        assert paramscope.load(f).name == "tiny_cnn"


def test_optimizer_variables_of_a_trained_model():
    """model.save() after fit(): Keras's load_model restores the optimizer and prints it."""
    pytest.importorskip("h5py")
    path = os.path.join(FILES, "keras3", "trained.keras")
    text = _expected(path)[1]["summaries"]["c200"]
    assert " Optimizer params: 54 (216.00 B)" in text
    model = paramscope.load(path)
    assert model._file_optimizer == {"params": 54, "bytes": 216.0}
    assert formats.weight_report(model).optimizer_params == 54
    # Not compiled when saved: no optimizer state, nothing to print.
    assert getattr(paramscope.load(os.path.join(FILES, "keras3", "nested.keras")),
                   "_file_optimizer", None) is None
