"""``paramscope plot``, ``paramscope.plot_model`` and ``keras.utils.plot_model`` in scripts.

Bad input (an output directory that does not exist or cannot be written, an unknown
--rankdir, an unsupported extension): exit 2, one message, no traceback, nothing left
behind.
"""

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import pytest

import paramscope
from paramscope import cli
from paramscope.errors import ParamscopeError

SCRIPT = textwrap.dedent("""\
    import keras
    from keras import layers
    a = keras.Input(shape=(8,), name="a")
    b = keras.Input(shape=(8,), name="b")
    shared = layers.Dense(4, activation="relu", name="shared")
    x = layers.concatenate([shared(a), shared(b)], name="merge")
    model = keras.Model([a, b], layers.Dense(1, name="out")(x), name="twin")
""")
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "twin.py"
    path.write_text(SCRIPT)
    return path


def _boxes(svg_text):
    root = ET.fromstring(svg_text)
    return {g.get("data-node"): g for g in root.iter(SVG_NS + "g") if g.get("class") == "ps-node"}


def _edges(svg_text):
    root = ET.fromstring(svg_text)
    return {(g.get("data-src"), g.get("data-dst")) for g in root.iter(SVG_NS + "g")
            if g.get("class") == "ps-edge"}


def test_plot_writes_svg(script, tmp_path, capsys):
    out = tmp_path / "twin.svg"
    assert cli.main(["plot", str(script), "-o", str(out), "--show-shapes", "--show-params"]) == 0
    text = out.read_text()
    assert set(_boxes(text)) == {"a", "b", "shared", "merge", "out"}
    assert _edges(text) == {("a", "shared"), ("b", "shared"), ("shared", "merge"),
                            ("merge", "out")}
    labels = [t.text for t in _boxes(text)["shared"].iter(SVG_NS + "text")]
    assert labels == ["shared (Dense)", "Input shape: (None, 8)", "Output shape: (None, 4)",
                      "Params: 36"]
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["twin.py", "twin.svg"]


def test_plot_to_stdout_and_dot(script, tmp_path, capsys):
    assert cli.main(["plot", str(script), "--rankdir", "LR"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<svg") and 'data-rankdir="LR"' in out
    dot = tmp_path / "twin.dot"
    assert cli.main(["plot", str(script), "-o", str(dot), "--expand-nested"]) == 0
    text = dot.read_text()
    assert text.startswith('digraph "twin (Functional)"') and "n0 ->" in text
    assert cli.main(["plot", str(script), "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith("digraph")


@pytest.mark.parametrize("where, message", [
    ("missing/dir/x.svg", "does not exist"),
    ("twin.py/x.svg", "is not a directory"),
    (".", "is a directory"),
    ("x.png", "writes SVG (.svg) or DOT text"),
])
def test_bad_output_exits_2_and_leaves_nothing(script, tmp_path, capsys, where, message):
    before = sorted(os.listdir(tmp_path))
    target = str(tmp_path / where) if where != "." else str(tmp_path)
    assert cli.main(["plot", str(script), "-o", target]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1
    assert sorted(os.listdir(tmp_path)) == before


def test_unwritable_directory(script, tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):          # root: the permission bits do not stop it
            monkeypatch.setattr(os, "access", lambda path, mode: False)
        assert cli.main(["plot", str(script), "-o", str(locked / "x.svg")]) == 2
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert "is not writable" in err and "Traceback" not in err
    assert os.listdir(locked) == []


def test_write_failure_leaves_no_partial_file(tmp_path, monkeypatch):
    from paramscope.diagram import plot
    target = tmp_path / "model.svg"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ParamscopeError, match="No space left on device"):
        plot.write_atomically(str(target), "<svg/>")
    assert sorted(os.listdir(tmp_path)) == ["model.svg"]
    assert target.read_text() == "old"


def test_unknown_rankdir_is_one_message(script, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["plot", str(script), "--rankdir", "UP"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'UP'" in err and "Traceback" not in err
    with pytest.raises(ParamscopeError, match="rankdir must be one of TB, BT, LR, RL"):
        paramscope.plot_model(_model(), to_file="unused.svg", rankdir="UP")


def test_as_a_real_process(script, tmp_path):
    out = tmp_path / "p.svg"
    proc = subprocess.run([sys.executable, "-m", "paramscope", "plot", str(script), "-o",
                           str(out), "--show-dtype", "--show-trainable",
                           "--show-layer-activations"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    labels = [t.text for t in _boxes(out.read_text())["shared"].iter(SVG_NS + "text")]
    assert labels == ["shared (Dense)", "Activation: relu", "Output dtype: float32",
                      "Trainable"]
    proc = subprocess.run([sys.executable, "-m", "paramscope", "plot", str(script), "-o",
                           str(tmp_path / "no" / "p.svg")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("paramscope: error: cannot write")
    assert "Traceback" not in proc.stderr


def _model():
    import paramscope.keras as keras
    from paramscope.keras import layers
    return keras.Sequential([keras.Input((3,)), layers.Dense(2, name="d")], name="tiny")


def test_plot_model_python_api(tmp_path, capsys):
    image = paramscope.plot_model(_model(), to_file=tmp_path / "m.svg", show_shapes=True)
    text = (tmp_path / "m.svg").read_text()
    assert image._repr_svg_() == text
    labels = [t.text for t in _boxes(text)["d"].iter(SVG_NS + "text")]
    assert labels == ["Dense", "Input shape: (None, 3)", "Output shape: (None, 2)"]
    # Keras's default file name: the SVG goes beside it, and stderr says so.
    paramscope.plot_model(_model(), to_file=tmp_path / "model.png")
    assert (tmp_path / "model.svg").exists() and not (tmp_path / "model.png").exists()
    assert "wrote SVG to" in capsys.readouterr().err
    paramscope.plot_model(_model(), to_file=str(tmp_path / "m.dot"))
    assert (tmp_path / "m.dot").read_text().startswith("digraph")
    with pytest.raises(ParamscopeError, match="layer_range` is no longer supported"):
        paramscope.plot_model(_model(), layer_range=["a", "b"])
    with pytest.raises(ParamscopeError, match="Unrecognized keyword arguments"):
        paramscope.plot_model(_model(), colour="red")


def test_unbuilt_model_says_so(tmp_path):
    import paramscope.keras as keras
    from paramscope.keras import layers
    with pytest.raises(ParamscopeError, match="has not yet been built"):
        paramscope.plot_model(keras.Sequential([layers.Dense(2)]), to_file=tmp_path / "x.svg")
    assert os.listdir(tmp_path) == []


def test_keras_plot_model_in_a_script(tmp_path):
    script = tmp_path / "uses_plot_model.py"
    script.write_text(SCRIPT + textwrap.dedent("""\
        keras.utils.plot_model(model, show_shapes=True)
        keras.utils.plot_model(model, to_file="twin.svg", expand_nested=True, dpi=96)
        from keras.utils import plot_model
        plot_model(model, "twin.dot", rankdir="LR")
        model.summary()
    """))
    proc = subprocess.run([sys.executable, "-m", "paramscope", "run", str(script)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(os.listdir(tmp_path)) == ["model.svg", "twin.dot", "twin.svg",
                                            "uses_plot_model.py"]
    assert proc.stderr.count("wrote SVG to model.svg instead of model.png") == 1
    assert "Total params" in proc.stdout
    assert set(_boxes((tmp_path / "twin.svg").read_text())) == {"a", "b", "shared", "merge",
                                                                 "out"}


FAST = [["plot", "m.py"], ["plot", "m.py", "--output", "x.svg", "--show-shapes", "--rankdir", "LR"],
        ["plot", "--expand-nested", "m.keras", "--format", "dot", "--show-params",
         "--show-dtype", "--show-trainable", "--show-layer-activations", "--model", "m"]]


@pytest.mark.parametrize("argv", FAST, ids=lambda a: " ".join(a))
def test_fast_parser_equals_argparse(argv):
    fast = cli.fast_parse(argv)
    assert fast is not None
    assert vars(fast) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["plot", "m.py", "-o", "x.svg"], ["plot", "m.py", "-o=x.svg"],
                                  ["plot", "m.py", "--rankdir", "lr"], ["plot"]],
                         ids=lambda a: " ".join(a))
def test_other_plot_lines_go_to_argparse(argv):
    assert cli.fast_parse(argv) is None
