"""``summary --format markdown`` and ``--format csv``: parsed back, they hold what the JSON
holds, and the numbers are Keras's (the model files real Keras saved and summarised,
tests/golden/files/keras3, made by tools/make_files.py)."""

import json
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from formats_support import FILES, KERAS3_FILES, keras_truth, parse_csv, parse_markdown  # noqa: E402

from paramscope import cli  # noqa: E402


def _run(capsys, *argv):
    code = cli.main(["summary", *argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _flatten(layers, parent=""):
    for layer in layers:
        yield parent, layer
        yield from _flatten(layer.get("layers", []), layer["name"])


def _shape_text(shape):
    """The JSON's output shape as Keras prints it (rank 1: ``(None,)`` is ``(None)``)."""
    def one(s):
        return "(" + ", ".join(str(d) for d in s) + ")"
    if shape is None:
        return "?"
    if shape and isinstance(shape[0], list):
        return one(shape[0]) if len(shape) == 1 else "[" + ", ".join(one(s) for s in shape) + "]"
    return one(shape)


@pytest.mark.parametrize("name", KERAS3_FILES)
def test_csv_equals_json_and_keras(capsys, name):
    path = os.path.join(FILES, "keras3", name)
    data = json.loads(_run(capsys, path, "--format", "json"))
    rows = parse_csv(_run(capsys, path, "--format", "csv", "--expand-nested"))
    expected = list(_flatten(data["layers"]))
    assert len(rows) == len(expected)
    for row, (parent, layer) in zip(rows, expected):
        assert row["name"] == layer["name"] and row["class_name"] == layer["class_name"]
        assert row["parent"] == parent
        assert row["output_shape"] == _shape_text(layer["output_shape"])
        for key in ("params", "trainable_params", "non_trainable_params"):
            assert int(row[key]) == layer[key]
        assert row["trainable"] == str(layer["trainable"]).lower()
        assert row["connected_to"] == ", ".join(
            f"{i['layer']}[{i['node_index']}][{i['tensor_index']}]" for i in layer["inbound"])
    top = [r for r in rows if not r["parent"]]
    assert sum(int(r["params"]) for r in top) == data["trainable_params"] + \
        data["non_trainable_params"]
    # Keras's own figures for the top-level rows
    truth = keras_truth(name)
    assert [(r["name"], r["output_shape"], int(r["params"])) for r in top] == [
        (l["name"], l.get("output_shape_text") or _shape_text(l["output_shape"]), l["params"])
        for l in truth["layers"]]


@pytest.mark.parametrize("name", KERAS3_FILES)
def test_markdown_equals_json_and_keras(capsys, name):
    path = os.path.join(FILES, "keras3", name)
    data = json.loads(_run(capsys, path, "--format", "json"))
    md = parse_markdown(_run(capsys, path, "--format", "markdown"))
    assert md["title"] == f'**Model: "{data["name"]}"**'
    wanted = ["Layer (type)", "Output Shape", "Param #"]
    if not data["sequential_like"]:
        wanted.append("Connected to")
    assert md["header"] == wanted
    assert len(md["rows"]) == len(data["layers"])
    for row, layer in zip(md["rows"], data["layers"]):
        assert row["Layer (type)"] == f"{layer['name']} ({layer['class_name']})"
        assert row["Output Shape"] == _shape_text(layer["output_shape"])
        assert int(row["Param #"].replace(",", "").split()[0]) == layer["params"]
    assert md["totals"]["Total params"][0] == data["total_params"]
    assert md["totals"]["Trainable params"][0] == data["trainable_params"]
    assert md["totals"]["Non-trainable params"][0] == data["non_trainable_params"]
    assert md["warnings"] == data["warnings"]
    truth = keras_truth(name)
    weights = data["trainable_params"] + data["non_trainable_params"]   # Keras's count_params()
    assert (weights, data["trainable_params"]) == (truth["total_params"], truth["trainable_params"])


def test_markdown_show_trainable_and_nested_rows(capsys):
    path = os.path.join(FILES, "keras3", "nested.keras")
    md = parse_markdown(_run(capsys, path, "--format", "markdown", "--expand-nested",
                             "--show-trainable"))
    assert md["header"][-1] == "Trainable"
    names = [r["Layer (type)"] for r in md["rows"]]
    assert "└ base_dense (Dense)" in names
    assert {r["Layer (type)"]: r["Trainable"] for r in md["rows"]}["base (Functional)"] == "N"


HOSTILE = {"class_name": "Sequential", "config": {"name": "a|b *c* <script>x<script>", "layers": [
    {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "name": "in"}},
    {"class_name": "Dense", "config": {"name": "=cmd|' -C calc'!A0", "units": 2}},
    {"class_name": "Dense", "config": {"name": "_x_ [y](e) `z`\\ <b>", "units": 1}},
]}}


def test_text_from_the_file_is_escaped(capsys, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE))
    data = json.loads(_run(capsys, str(path), "--format", "json"))
    md_text = _run(capsys, str(path), "--format", "markdown")
    assert "<script>" not in md_text
    md = parse_markdown(md_text)
    assert [r["Layer (type)"] for r in md["rows"]] == [
        f"{l['name']} (Dense)" for l in data["layers"]]
    assert all(len(r) == 3 for r in md["rows"])          # no cell split by a "|"
    rows = parse_csv(_run(capsys, str(path), "--format", "csv"))
    assert rows[0]["name"] == "'" + data["layers"][0]["name"]   # not a spreadsheet formula
    assert rows[1]["name"] == data["layers"][1]["name"]
