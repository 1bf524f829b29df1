"""profile and diff as Markdown and CSV: parsed back, they are the JSON's figures."""

import csv
import io
import json
import os
import re

import pytest

from paramscope import cli

FILES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "golden", "files", "keras3")
MODELS = ["cnn.keras", "branches.keras", "nested.keras", "trained.keras", "embedding.json"]
TUTORIAL = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "src",
                        "paramscope", "examples", "cnn_tutorial.py")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def flat_layers(layers, expand):
    for layer in layers:
        yield layer
        if expand and layer.get("layers"):
            yield from flat_layers(layer["layers"], expand)


@pytest.mark.parametrize("expand", [False, True], ids=["top", "expand-nested"])
@pytest.mark.parametrize("name", MODELS)
def test_profile_csv_is_the_json(capsys, name, expand):
    path = os.path.join(FILES, name)
    extra = ["--expand-nested"] if expand else []
    data = json.loads(run(capsys, "profile", path, "--batch-size", "8", "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(
        run(capsys, "profile", path, "--batch-size", "8", "--format", "csv", *extra))))
    layers = list(flat_layers(data["layers"], expand))
    assert [r["name"] for r in rows] == [layer["name"] for layer in layers]
    for row, layer in zip(rows, layers):
        assert int(row["params"]) == layer["params"]
        assert row["macs"] == ("" if layer["macs"] is None else str(layer["macs"]))
        expected = None if layer["activation_bytes"] is None else layer["activation_bytes"] * 8
        assert row["activation_bytes"] == ("" if expected is None else str(expected))
    if data["macs"]:
        top = [r for r in rows if r["parent"] == ""]
        assert sum(float(r["macs_share"]) for r in top) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("name", MODELS)
def test_profile_markdown_is_the_json(capsys, name):
    path = os.path.join(FILES, name)
    data = json.loads(run(capsys, "profile", path, "--format", "json"))
    text = run(capsys, "profile", path, "--format", "markdown")
    lines = text.splitlines()
    table = [line for line in lines if line.startswith("| ")][2:]   # header, alignment
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in table]
    assert len(cells) == len(data["layers"])
    for row, layer in zip(cells, data["layers"]):
        assert row[0].replace("\\_", "_") == f"{layer['name']} ({layer['class_name']})"
        assert int(row[2].replace(",", "")) == layer["params"]
    assert f"- **Total params:** {data['total_params']:,} " in text
    assert any(line.startswith("- Total MACs: ") for line in lines)


def test_diff_csv_rows_are_the_json(capsys, tmp_path):
    valid = tmp_path / "valid.py"
    source = open(TUTORIAL, encoding="utf-8").read()
    valid.write_text(source.replace("padding='same'", "padding='valid'"))
    data = json.loads(run(capsys, "diff", valid, TUTORIAL, "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(run(capsys, "diff", valid, TUTORIAL, "--format", "csv"))))
    assert [r["status"] for r in rows] == [r["status"] for r in data["rows"]]
    for row, expected in zip(rows, data["rows"]):
        for side in "ab":
            params = expected[f"params_{side}"]
            assert row[f"params_{side}"] == ("" if params is None else str(params))
    assert sum(int(r["params_b"] or 0) for r in rows) - sum(int(r["params_a"] or 0)
                                                           for r in rows) == 2515 - 1651
