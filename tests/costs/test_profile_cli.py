"""``paramscope profile`` and ``paramscope diff`` on the command line: output, and every bad
input of issue 11 (exit code 2, one message, no traceback)."""

import json
import os

import pytest

from paramscope import cli

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")
VALID = os.path.join(EXAMPLES, "seed001_cnn_valid_padding.py")
SAME = os.path.join(EXAMPLES, "seed001_cnn_same_padding.py")


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_profile_json_fields(capsys):
    code, out, err = run(capsys, "profile", SAME, "--format", "json", "--batch-size", "32")
    assert code == 0, err
    data = json.loads(out)
    assert data["total_params"] == 2515 and data["batch_size"] == 32
    rows = data["layers"]
    assert data["macs"] == sum(r["macs"] for r in rows) and data["flops"] == 2 * data["macs"]
    memory = data["memory"]
    assert memory["optimizer"] == "adam" and memory["optimizer_source"].startswith("default")
    assert memory["gradients_bytes"] == 2515 * 4
    assert memory["optimizer_bytes"] == (2 * 2515 + 2) * 4
    assert memory["activations_bytes"] == 32 * sum(r["activation_bytes"] for r in rows)
    assert memory["training_bytes"] == (memory["weights_bytes"] + memory["gradients_bytes"]
                                        + memory["optimizer_bytes"] + memory["activations_bytes"])


def test_profile_explain_shows_the_arithmetic(capsys):
    code, out, err = run(capsys, "profile", SAME, "--explain")
    assert code == 0, err
    assert "conv2d: 20 x 20 positions x (3 x 3 x 3 x 2) kernel = 21,600 MACs" in out
    assert "2 slots (momentum, velocity) x 2,515 trainable = 5,030 + iteration + " \
           "learning_rate" in out
    assert "Training, estimated" in out and "FLOPs = 2 x MACs" in out


def test_profile_optimizer_json_spec(capsys):
    spec = json.dumps({"class_name": "SGD", "config": {"momentum": 0.9}})
    code, out, err = run(capsys, "profile", SAME, "--format", "json", "--optimizer", spec)
    assert code == 0, err
    assert json.loads(out)["memory"]["optimizer_bytes"] == (2515 + 2) * 4


GAP_MODEL = """import keras
from keras import layers
model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(8, 3),
                          layers.GlobalAveragePooling2D(), layers.Dense(2)])
"""


def test_input_shape_what_if(capsys, tmp_path):
    script = tmp_path / "gap.py"
    script.write_text(GAP_MODEL)
    code, out, err = run(capsys, "profile", str(script), "--format", "json")
    before = json.loads(out)
    code, out, err = run(capsys, "profile", str(script), "--format", "json", "--input-shape",
                         "1x64x64x3")
    assert code == 0, err
    data = json.loads(out)
    assert data["layers"][0]["output_shape"] == [None, 62, 62, 8]
    assert data["total_params"] == before["total_params"]       # the same weights
    conv = 3 * 3 * 3 * 8
    assert data["layers"][0]["macs"] == 62 * 62 * conv and before["layers"][0]["macs"] == 30 * 30 * conv


def test_input_shape_a_dense_after_flatten_cannot_take(capsys):
    """Seed 001: the Dense after Flatten holds a (1200, 2) kernel; at 40x40 it would need
    (4800, 2): refused, as Keras refuses to call that Dense on the larger input."""
    code, out, err = run(capsys, "profile", SAME, "--input-shape", "1x40x40x3")
    assert code == 2 and out == "" and "Traceback" not in err
    message = err.strip().splitlines()[-1]   # (the script's own model.summary() above it)
    assert message.startswith("paramscope: error: --input-shape ")
    assert "layer 'dense' (Dense)" in message and "(1200, 2)" in message
    assert "(4800, 2)" in message


@pytest.mark.parametrize("argv,message", [
    (("--batch-size", "0"), "--batch-size must be a positive integer"),
    (("--batch-size", "-3"), "--batch-size must be a positive integer"),
    (("--batch-size", "1.5"), "--batch-size must be a positive integer"),
    (("--optimizer", "adamz"), "Valid identifiers: adadelta"),
    (("--optimizer", '{"class_name": "SGD", "config": {"momentum": 3.0}}'), "`momentum`"),
    (("--optimizer", '{"class_name": "Adam", "config": {"learning_rat": 0.1}}'),
     "learning_rat"),
    (("--optimizer", "{not json"), "not valid JSON"),
    (("--input-shape", "64,abc"), "cannot read 'abc'"),
    (("--input-shape", "40,40"), "give 3 dimensions"),
    (("--input-shape", "2,2,3"), "conv2d"),
    (("--input-shape", "x=4,4,3"), "no input named 'x'"),
])
def test_profile_bad_input(capsys, argv, message):
    code, out, err = run(capsys, "profile", VALID, *argv)
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("paramscope: error:")]
    assert len(lines) == 1 and message in lines[0], err
    assert "Traceback" not in err


def test_diff_seed_valid_vs_same(capsys):
    code, out, err = run(capsys, "diff", VALID, SAME)
    assert code == 0, err
    assert "Total params: 1,651 -> 2,515 (+864, +52.3%)" in out
    code, out, _ = run(capsys, "diff", VALID, SAME, "--format", "json")
    data = json.loads(out)
    assert data["params"] == {"a": 1651, "b": 2515, "change": 864, "percent": 52.33}
    assert [r["status"] for r in data["rows"]] == ["changed"] * 4
    code, out, _ = run(capsys, "diff", VALID, SAME, "--format", "markdown", "--exit-code")
    assert code == 1 and "| dense (Dense) |" in out
    assert run(capsys, "diff", SAME, SAME, "--exit-code")[0] == 0


def test_diff_of_a_path_that_does_not_load(capsys, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    for argv in ((VALID, str(tmp_path / "missing.keras")), (VALID, str(bad))):
        code, out, err = run(capsys, "diff", *argv)
        assert code == 2 and "Traceback" not in err
        assert len([x for x in err.splitlines() if x.startswith("paramscope: error:")]) == 1
