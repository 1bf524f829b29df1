"""paramscope.web, the page's Python side, without a browser: what it answers is what the CLI
prints for the same code or file (``paramscope summary model.py``), and for model files what
real Keras printed (tests/golden/files/*.expected.json.gz, made by tools/make_files.py)."""

import gzip
import json
import os

import pytest

from paramscope import cli, web

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "tests", "golden", "files")
TUTORIAL = os.path.join(ROOT, "src", "paramscope", "examples", "cnn_tutorial.py")

FUNCTIONAL = """\
import keras
from keras import layers
inputs = keras.Input((8,), name="x")
a = layers.Dense(4, name="a")(inputs)
b = layers.Dense(4, name="b")(inputs)
model = keras.Model(inputs, layers.Add(name="sum")([a, b]), name="two_branches")
"""

NESTED_FROZEN = """\
import keras
from keras import layers
inner = keras.Sequential([keras.Input((3,)), layers.Dense(2, name="inner_dense")], name="inner")
inner.trainable = False
model = keras.Sequential([keras.Input((3,)), inner, layers.Dropout(0.1), layers.Dense(1)])
"""


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def cli_summary(tmp_path, monkeypatch, capsys, name, content, *options):
    """What ``paramscope summary NAME OPTIONS`` prints in a folder holding just that file."""
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COLUMNS", "200")
    code = cli.main(["summary", name, *options])
    out, err = capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    return code, out, err


@pytest.fixture
def session(tmp_path):
    os.mkdir(tmp_path / "page")
    return web.Session(str(tmp_path / "page"))


def test_tutorial_as_the_cli_prints_it(session, tmp_path, monkeypatch, capsys):
    code = read(TUTORIAL)
    result = session.run_code(code)
    assert result["ok"] and result["source"] == "model.py"
    _, out, err = cli_summary(tmp_path, monkeypatch, capsys, "model.py", code, "--format", "json")
    assert result["json_text"] == out
    assert result["summary"] == json.loads(out)
    assert result["notes"] == err  # the CLI's warnings, word for word
    assert result["semantics"] == "keras3" and set(result["text"]) == {"keras3"}
    tf_keras = session.run_code(code, {"style": "keras2"})  # built as tf.keras, as --style keras2
    assert tf_keras["semantics"] == "keras2"
    assert set(tf_keras["text"]) == {"keras2", "keras2-classic"}
    for style in web.STYLES:
        _, out, _ = cli_summary(tmp_path, monkeypatch, capsys, "model.py", code, "--style", style)
        shown = result if web.semantics_of(style) == "keras3" else tf_keras
        assert shown["text"][style] == out, style
    _, out, _ = cli_summary(tmp_path, monkeypatch, capsys, "model.py", code, "--explain")
    assert "\n".join(result["explain"]) + "\n" == out.split("\n\n", 1)[1]
    table = result["table"]
    assert table["title"] == 'Model: "sequential"'
    assert table["header"] == ["Layer (type)", "Output Shape", "Param #"]
    assert [row["cells"] for row in table["rows"]] == [
        ["conv2d (Conv2D)", "(None, 20, 20, 2)", "56"],
        ["conv2d_1 (Conv2D)", "(None, 20, 20, 3)", "57"],
        ["flatten (Flatten)", "(None, 1200)", "0"],
        ["dense (Dense)", "(None, 2)", "2,402"]]
    assert table["totals"][0] == ["Total params:", "2,515 (9.82 KB)"]
    assert result["profile_available"] is web.profile_available()


def test_table_cells_follow_the_keras3_table(session, tmp_path, monkeypatch, capsys):
    result = session.run_code(FUNCTIONAL)
    table = result["table"]
    assert table["header"] == ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    assert [row["cells"] for row in table["rows"]] == [
        ["x (InputLayer)", "(None, 8)", "0", "-"],
        ["a (Dense)", "(None, 4)", "36", "x[0][0]"],
        ["b (Dense)", "(None, 4)", "36", "x[0][0]"],
        ["sum (Add)", "(None, 4)", "0", "a[0][0], b[0][0]"]]
    # Every cell is in the text table the CLI prints.
    _, out, _ = cli_summary(tmp_path, monkeypatch, capsys, "model.py", FUNCTIONAL)
    for row in table["rows"]:
        line = next(l for l in out.splitlines() if l.startswith(f"│ {row['name']} "))
        assert [c.strip() for c in line.strip("│").split("│")] == row["cells"]


def test_display_options_rerender_without_running_again(session, tmp_path, monkeypatch, capsys):
    first = session.run_code(NESTED_FROZEN, {"style": "keras2"})
    assert [row["level"] for row in first["table"]["rows"]] == [0, 0, 0]
    again = session.render({"show_trainable": True, "expand_nested": True})
    assert again["ok"] and "output" not in again  # nothing ran
    assert again["table"]["header"][-1] == "Trainable"
    assert [(row["level"], row["cells"][0], row["cells"][-1]) for row in again["table"]["rows"]] == [
        (0, "inner (Sequential)", "N"), (1, "inner_dense (Dense)", "N"),
        (0, "dropout (Dropout)", "-"), (0, "dense (Dense)", "Y")]
    _, out, _ = cli_summary(tmp_path, monkeypatch, capsys, "model.py", NESTED_FROZEN,
                            "--show-trainable", "--expand-nested", "--style", "keras2")
    assert again["text"]["keras2"] == out


@pytest.mark.parametrize("code,line", [
    ("import keras\nx = (\n", 2),  # syntax error
    ("import keras\nmodel = keras.Sequential([\n    keras.Input((3,)),\n"
     "    keras.layers.Conv2D(2, 3),\n])\n", 2),  # a layer that cannot take its input
    ("import keras\nkeras.layers.Dense(-1)\n", 2),  # a bad argument
    ("x = 1\n", None),  # no model
    ("raise SystemExit(3)\n", None),
])
def test_errors_are_the_cli_message_with_the_line(session, tmp_path, monkeypatch, capsys, code,
                                                  line):
    result = session.run_code(code)
    status, out, err = cli_summary(tmp_path, monkeypatch, capsys, "model.py", code)
    assert status == 2 and not result["ok"] and not result.get("internal")
    assert err.endswith(result["error"] + "\n")
    assert result["line"] == line
    if line is not None:
        assert result["error"].startswith(f"paramscope: error: model.py:{line}: ")
    assert session.render()["ok"] is False  # the failed run left no model behind


def test_script_output_is_kept_apart_and_capped(session, monkeypatch):
    monkeypatch.setattr(web, "MAX_OUTPUT", 1000)
    result = session.run_code("print('hello from the script')\n" + read(TUTORIAL))
    assert result["ok"] and result["output"] == "hello from the script\n"
    flood = session.run_code("for i in range(10000):\n    print('x' * 50)\n" + read(TUTORIAL))
    assert flood["ok"] and flood["output"].endswith("[... output truncated ...]\n")
    assert len(flood["output"]) < 2000


def golden_file(kind, name):
    path = os.path.join(FILES, kind, name)
    with open(path, "rb") as f:
        data = f.read()
    with gzip.open(path + ".expected.json.gz", "rt", encoding="utf-8") as f:
        return data, json.load(f)["loaded"]


@pytest.mark.parametrize("name", ["branches.keras", "cnn.json", "lambda.keras"])
def test_model_files_summarise_as_keras_printed(session, name):
    data, keras_record = golden_file("keras3", name)
    result = session.read_file(name, data)
    assert result["ok"], result.get("error")
    assert result["text"]["keras3"] == keras_record["summaries"]["c200"]
    assert result["summary"]["total_params"] == keras_record["total_params"]
    assert result["source"] == name


@pytest.mark.parametrize("name", sorted(os.listdir(os.path.join(FILES, "bad"))))
def test_odd_files_as_the_cli_reads_them(session, tmp_path, monkeypatch, capsys, name):
    with open(os.path.join(FILES, "bad", name), "rb") as f:
        data = f.read()
    result = session.read_file(name, data)
    status, out, err = cli_summary(tmp_path, monkeypatch, capsys, name, data, "--format", "json")
    assert not result.get("internal")
    if status == 0:  # e.g. a config without an extension: read by its content
        assert result["ok"] and result["json_text"] == out
    else:
        assert status == 2 and not result["ok"] and result["line"] is None
        assert err.endswith(result["error"] + "\n")


def test_h5_without_h5py_says_what_it_needs(session, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "h5py", None)  # as in Pyodide: no h5py
    data, _ = golden_file("keras3", "embedding.h5")
    result = session.read_file("embedding.h5", data)
    assert not result["ok"] and "h5py" in result["error"]
    assert result["error"].startswith("paramscope: error: embedding.h5")


@pytest.mark.parametrize("name,expected", [
    ("model.keras", "model.keras"), ("../../etc/passwd", "passwd"), ("C:\\Users\\me\\m.json", "m.json"),
    ("model.py", "model.py.txt"), ("Evil.PY", "Evil.PY.txt"), ("", "model.bin"),
    ("a b;rm -rf.keras", "a b_rm -rf.keras"), ("...", "model.bin")])
def test_safe_file_names(name, expected):
    assert web.safe_file_name(name) == expected


def test_a_dropped_file_is_never_run(session):
    result = session.read_file("model.py", b"import keras\nmodel = keras.Sequential()\n")
    assert not result["ok"] and "model.py.txt" in result["error"]


def test_the_session_leaves_the_process_as_it_found_it(session, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    cwd = os.getcwd()
    session.run_code(read(TUTORIAL))
    session.run_code("x = (\n")
    assert os.getcwd() == cwd and "COLUMNS" not in os.environ
    assert os.listdir(session.workdir) == []  # the code and dropped files are not kept


def test_pyodide_os_without_get_terminal_size(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "get_terminal_size")
    session = web.Session(str(tmp_path))
    result = session.run_code("import keras\nmodel = keras.Sequential([keras.Input((2,)), "
                              "keras.layers.Dense(1)])\nmodel.summary()\n")
    assert result["ok"], result.get("error")
    assert "Total params: 3" in result["output"]  # the script's own model.summary() printed
    with pytest.raises(OSError):
        os.get_terminal_size()


def test_a_bug_in_paramscope_is_reported_as_one(session, monkeypatch):
    import paramscope.summary

    def broken(*args, **kwargs):
        raise TypeError("boom")
    monkeypatch.setattr(paramscope.summary, "summarize", broken)
    result = session.run_code(read(TUTORIAL))
    assert not result["ok"] and result["internal"]
    assert result["error"].startswith("paramscope: internal error: TypeError: boom")
    assert "Traceback" in result["traceback"]


def test_call_json_is_what_the_worker_calls(session):
    answer = json.loads(session.call_json("run_code", json.dumps({"code": read(TUTORIAL)})))
    assert answer["summary"]["total_params"] == 2515
    data, _ = golden_file("keras3", "cnn.keras")
    answer = json.loads(session.call_json("read_file", json.dumps({"name": "cnn.keras"}),
                                          bytearray(data)))
    assert answer["ok"] and answer["source"] == "cnn.keras"
    answer = json.loads(session.call_json("render", json.dumps({"options": {"show_trainable": 1}})))
    assert answer["table"]["header"][-1] == "Trainable"
    with pytest.raises(ValueError):
        session.call_json("exec", "{}")


def test_profile_panel_hook(session):
    assert session.profile()["ok"] is False  # nothing run yet
    session.run_code(read(TUTORIAL))
    answer = session.profile(batch_size=32, optimizer="adam")
    if not web.profile_available():
        assert answer == {"ok": False, "error": "paramscope: error: this paramscope has no "
                                                "profile (MACs and memory) yet"}
    else:  # issue 11 landed: the panel gets the figures of `paramscope profile --format json`
        assert answer["ok"], answer
        assert {"macs", "flops", "batch_size", "memory"} <= set(answer["profile"])


def test_import_machinery_warnings_are_not_the_scripts():
    """Python 3.12+ (the page's Pyodide too) warns "__package__ != __spec__.parent" from
    frozen importlib about the shim's modules: not a warning of the script's."""
    import warnings

    from paramscope.keras.runner import _script_warnings
    machinery = warnings.WarningMessage("__package__ != __spec__.parent", DeprecationWarning,
                                        "<frozen importlib._bootstrap>", 1)
    script = warnings.WarningMessage("use Input(shape)", UserWarning, "model.py", 3)
    assert _script_warnings([machinery, script]) == ["use Input(shape)"]
