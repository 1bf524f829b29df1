"""The seed tutorials' models reproduce exactly, run unmodified through the CLI.

Expected numbers are the ones the seed documents print (../shared/seeds), not
paramscope's own output; the golden fixtures from real Keras cross-check them.
"""

import json
import os

import pytest

from paramscope import cli

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")

# (script, [(output shape, params) per layer], total) as the seeds print them.
SEEDS = [
    ("seed000_dense.py", [((None, 3), 9), ((None, 2), 8)], 17),
    ("seed001_cnn_same_padding.py",
     [((None, 20, 20, 2), 56), ((None, 20, 20, 3), 57), ((None, 1200), 0), ((None, 2), 2402)], 2515),
    ("seed001_cnn_valid_padding.py",
     [((None, 18, 18, 2), 56), ((None, 16, 16, 3), 57), ((None, 768), 0), ((None, 2), 1538)], 1651),
    ("seed001_cnn_maxpool.py",
     [((None, 20, 20, 2), 56), ((None, 20, 20, 3), 57), ((None, 10, 10, 3), 0), ((None, 300), 0),
      ((None, 2), 602)], 715),
    ("seed002_dense.py", [((None, 64), 640), ((None, 1), 65)], 705),
    ("seed003_mlp.py", [((None, 10), 7850), ((None, 10), 110), ((None, 3), 33)], 7993),
    ("seed003_cnn.py",
     [((None, 28, 28, 10), 100), ((None, 28, 28, 10), 910), ((None, 7840), 0), ((None, 3), 23523)],
     24533),
    ("seed003_cnn_wider.py",
     [((None, 28, 28, 5), 50), ((None, 28, 28, 15), 690), ((None, 11760), 0), ((None, 3), 35283)],
     36023),
    ("seed004_tf_keras_cnn.py",
     [((None, 32, 32, 32), 896), ((None, 16, 16, 32), 0), ((None, 16, 16, 128), 36992),
      ((None, 16, 16, 256), 33024), ((None, 256), 0), ((None, 10), 2570), ((None, 10), 110)],
     73592),
]


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("script,layers,total", SEEDS, ids=[s[0] for s in SEEDS])
def test_seed_script_json(capsys, script, layers, total):
    code, out, err = run_cli(capsys, "summary", os.path.join(EXAMPLES, script), "--format", "json")
    assert code == 0, err
    data = json.loads(out)  # stdout is pure JSON: the script's own prints went to stderr
    assert [(tuple(l["output_shape"]), l["params"]) for l in data["layers"]] == layers
    assert data["total_params"] == total
    assert data["trainable_params"] == total
    assert data["non_trainable_params"] == 0
    assert "Model:" in err  # the script's model.summary() output went to stderr


@pytest.mark.parametrize("script,layers,total", SEEDS, ids=[s[0] for s in SEEDS])
def test_seed_script_runs_unmodified(capsys, script, layers, total):
    code, out, err = run_cli(capsys, "run", os.path.join(EXAMPLES, script))
    assert code == 0, err
    assert f" Total params: {total:,} (" in out
    for _, params in layers:
        assert f" {params:,} │" in out


def test_seed003_dense_padding_fails_as_keras_fails(capsys):
    code, out, err = run_cli(capsys, "summary",
                             os.path.join(EXAMPLES, "seed003_dense_padding_error.py"))
    assert code == 2
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "seed003_dense_padding_error.py:8" in err
    assert "Dense" in err and "padding='same'" in err


CLASSIC_MLP = """\
_________________________________________________________________
Layer (type)                 Output Shape              Param #   
=================================================================
dense_1 (Dense)              (None, 10)                7850      
_________________________________________________________________
dense_2 (Dense)              (None, 10)                110       
_________________________________________________________________
dense_3 (Dense)              (None, 3)                 33        
=================================================================
Total params: 7,993
Trainable params: 7,993
Non-trainable params: 0
_________________________________________________________________
"""


def test_keras2_classic_layout_is_the_seeds(tmp_path, capsys):
    """Seed 003's printed table, character for character (Keras 2.2 named layers from 1)."""
    script = tmp_path / "mlp.py"
    script.write_text(
        "from keras.models import Sequential\n"
        "from keras.layers import Dense\n"
        "model = Sequential()\n"
        "model.add(Dense(10, activation='relu', input_shape=(784,), name='dense_1'))\n"
        "model.add(Dense(10, activation='relu', name='dense_2'))\n"
        "model.add(Dense(3, activation='softmax', name='dense_3'))\n")
    code, out, err = run_cli(capsys, "summary", str(script), "--style", "keras2-classic")
    assert code == 0, err
    assert out == CLASSIC_MLP
    seed = open(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds",
                             "003_1515b97e4f2c1d85.txt")).read() if os.path.exists(
        os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds")) else None
    if seed is not None:
        assert CLASSIC_MLP.rstrip("\n") in seed
