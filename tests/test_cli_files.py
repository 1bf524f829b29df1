"""CLI on model files: unknown custom layers, --assume-passthrough."""

import json

from paramscope import cli

CONFIG = {"class_name": "Sequential", "config": {"name": "seq", "layers": [
    {"class_name": "InputLayer", "config": {"batch_shape": [None, 6], "name": "in"}},
    {"class_name": "MyNoise", "module": "my_project.layers", "registered_name": "MyNoise",
     "config": {"name": "noise", "stddev": 0.1}},
    {"class_name": "Dense", "config": {"name": "out", "units": 2}},
]}}


def test_unknown_layer_then_assume_passthrough(tmp_path, capsys):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(CONFIG))
    assert cli.main(["summary", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    for words in ("noise", "MyNoise", "my_project.layers", "register_layer", "--assume-passthrough"):
        assert words in err
    assert cli.main(["summary", str(path), "--assume-passthrough", "MyNoise",
                     "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [(l["name"], l["output_shape"], l["params"]) for l in data["layers"]] == [
        ("noise", [None, 6], 0), ("out", [None, 2], 14)]
    assert data["warnings"] and "MyNoise" in " ".join(data["warnings"])
