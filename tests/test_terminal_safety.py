"""Issue 9, item 2: text from a file or a script reaches the terminal escaped, never raw.

Names, class names, connections, paths, zip member names, script error messages and
warnings with control characters, terminal escape sequences (ESC, BEL, OSC window
title, clear screen) or lone surrogates: every style (keras3, keras2, keras2-classic,
--explain) and every error message shows them as ``repr`` would (``\\x1b``, ``\\ud800``),
with the table laid out on the escaped text; ``--format json`` keeps them exact.
"""

import json
import os
import zipfile

import pytest

from paramscope import cli, textsafe
from paramscope.report import boxtable
from terminal_checks import raw_controls

HOSTILE = "x\x1b]0;pwned\x07\x1b[2J\x9b31m\ud800\u202e\nz"
#: What the hostile name looks like once escaped.
ESCAPED = "x\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\ud800\\u202e\\nz"
STYLES = [["--style", "keras3"], ["--style", "keras2"], ["--style", "keras2-classic"],
          ["--style", "keras3", "--explain"], ["--style", "keras2", "--explain"],
          ["--style", "keras2-classic", "--show-trainable", "--expand-nested", "--explain"]]


@pytest.fixture(autouse=True)
def fixed_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def hostile_config(name=HOSTILE, class_name="Dense"):
    """A functional model whose model name, layer names and connections are hostile."""
    def tensor(ref):
        return {"class_name": "__keras_tensor__",
                "config": {"shape": [None, 3], "dtype": "float32", "keras_history": [ref, 0, 0]}}
    return {"class_name": "Functional", "config": {
        "name": name, "trainable": True,
        "layers": [
            {"class_name": "InputLayer", "name": name + "in",
             "config": {"batch_shape": [None, 3], "name": name + "in"}, "inbound_nodes": []},
            {"class_name": class_name, "name": name,
             "config": {"name": name, "units": 3, "bogus\x1b[2J": 1},
             "inbound_nodes": [{"args": [tensor(name + "in")], "kwargs": {}}]},
            {"class_name": "Add", "name": "add", "config": {"name": "add"},
             "inbound_nodes": [{"args": [[tensor(name), tensor(name + "in")]], "kwargs": {}}]}],
        "input_layers": [name + "in", 0, 0], "output_layers": ["add", 0, 0]}}


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(hostile_config()))
    return path


@pytest.mark.parametrize("options", STYLES, ids=[" ".join(o) for o in STYLES])
def test_every_style_escapes_names_from_the_file(hostile_file, capsys, options):
    code, out, err = run(capsys, "summary", hostile_file, *options)
    assert code == 0, err
    assert not raw_controls(out) and not raw_controls(err)
    assert ESCAPED[:20] in out  # shown, escaped as repr shows it
    assert "bogus\\x1b[2J" in err  # the ignored argument's warning quotes it escaped


def test_keras3_table_is_laid_out_on_the_escaped_text(hostile_file, capsys):
    code, out, _ = run(capsys, "summary", hostile_file)
    table = [line for line in out.splitlines() if line[:1] in "┏┃┡│├└"]
    assert len({boxtable.cell_len(line) for line in table}) == 1, table
    assert any("\\x1b" in line for line in table)


def test_json_keeps_names_exact(hostile_file, capsys):
    code, out, err = run(capsys, "summary", hostile_file, "--format", "json")
    assert code == 0, err
    assert out.isascii() and not raw_controls(out)
    data = json.loads(out)  # valid JSON, lone surrogate escaped as \ud800
    assert data["name"] == HOSTILE
    assert data["layers"][1]["name"] == HOSTILE
    assert data["layers"][2]["inbound"][0]["layer"] == HOSTILE


def test_error_messages_from_files_are_one_escaped_line(tmp_path, capsys):
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps(hostile_config(class_name="Evil\x1b[2JLayer\x07")))
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("paramscope: error: ")
    assert not raw_controls(err)
    assert "Evil\\x1b[2JLayer\\x07" in err and ESCAPED in err


def test_paths_and_zip_member_names_are_escaped(tmp_path, capsys):
    path = tmp_path / "evil\x1b]0;title\x07.keras"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("weights\x1b[2J.h5", b"x")
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and not raw_controls(err)
    assert "evil\\x1b]0;title\\x07.keras" in err and "weights\\x1b[2J.h5" in err


SCRIPT_ERRORS = {
    "raise": "raise ValueError('bad\\x1b]0;t\\x07 \\ud800 value\\nsecond line')\n",
    "syntax": "x = 1\ny = (\x1b[2J\n",
    "exit": "import sys\nsys.exit('code\\x1b[2J')\n",
    "name": "class E(Exception): pass\nE.__name__ = 'E\\x1b[31m'\nraise E('m')\n",
    "layer": ("import keras\nfrom keras import layers\n"
              "layers.Reshape((7,), name='r\\nparamscope: error: \\x1b[2J')(keras.Input((3,)))\n"),
}


@pytest.mark.parametrize("kind", sorted(SCRIPT_ERRORS))
def test_script_errors_are_one_escaped_line(tmp_path, capsys, kind):
    path = tmp_path / "script.py"
    path.write_text(SCRIPT_ERRORS[kind])
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and not raw_controls(err), err
    lines = [line for line in err.splitlines() if line.startswith("paramscope: error: ")]
    assert len(lines) == 1, err
    assert "\\x1b" in err


def test_script_warnings_and_model_names_are_escaped(tmp_path, capsys):
    path = tmp_path / "script.py"
    path.write_text(
        "import warnings\nimport keras\nfrom keras import layers\n"
        "warnings.warn('careful\\x1b]0;t\\x07')\n"
        f"model = keras.Sequential([keras.Input((3,)), layers.Dense(2, name={HOSTILE!r})], "
        f"name={HOSTILE!r})\n")
    for options in STYLES:
        code, out, err = run(capsys, "summary", path, *options)
        assert code == 0, err
        assert not raw_controls(out) and not raw_controls(err), options
        assert "x\\x1b]0;" in out and "careful\\x1b]0;t\\x07" in err


def test_model_summary_inside_a_script_is_escaped(tmp_path, capsys):
    path = tmp_path / "script.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    f"m = keras.Sequential([keras.Input((3,)), layers.Dense(2, name={HOSTILE!r})])\n"
                    "m.summary()\n")
    code, out, err = run(capsys, "run", path)
    assert code == 0, err
    assert not raw_controls(out) and "x\\x1b]0;pwned" in out


def test_normal_text_is_returned_unchanged():
    for text in ("dense_1", "conv2d (Conv2D)", "ünïcödé 名前 😀", "a\\b", ""):
        assert textsafe.safe_text(text) is text
    assert textsafe.safe_text("a\\b\x1b") == "a\\\\b\\x1b"  # unambiguous once escaped
    assert textsafe.safe_lines("one\ntwo\x07") == "one\ntwo\\x07"
    long = "n" * 100_000 + "\x1b" + "m" * 100_000
    assert textsafe.safe_text(long) == "n" * 100_000 + "\\x1b" + "m" * 100_000


def test_stdout_that_cannot_encode_does_not_crash(tmp_path):
    """PYTHONIOENCODING=ascii: a non-ASCII name is shown escaped, no UnicodeEncodeError."""
    import subprocess
    import sys
    path = tmp_path / "model.json"
    path.write_text(json.dumps(hostile_config(name="naïve")))
    result = subprocess.run([sys.executable, "-m", "paramscope", "summary", str(path)],
                            capture_output=True, env=dict(os.environ, PYTHONIOENCODING="ascii"))
    assert result.returncode == 0, result.stderr
    assert b"na\\xefve" in result.stdout and b"Traceback" not in result.stderr


COMMANDS = [["profile"], ["profile", "--explain"], ["profile", "--format", "json"],
            ["diff", "FILE"], ["diff", "FILE", "--format", "markdown"],
            ["diff", "FILE", "--format", "json"], ["plot", "--format", "dot"], ["plot"]]


@pytest.mark.parametrize("options", COMMANDS, ids=[" ".join(o) for o in COMMANDS])
def test_every_command_keeps_names_from_the_file_safe(hostile_file, capsys, options):
    """profile, diff and plot print the same hostile names: escaped on a terminal, exact in
    JSON, and in the SVG and DOT texts as those formats quote them."""
    command, *rest = options
    rest = [str(hostile_file) if a == "FILE" else a for a in rest]
    code, out, err = run(capsys, command, hostile_file, *rest)
    assert code == 0, err
    assert not raw_controls(err)
    if "json" in rest:  # exact, as JSON escapes it
        assert HOSTILE in _strings(json.loads(out))
    elif command == "plot":
        assert "\x1b" not in out and "\x07" not in out  # SVG/DOT: quoted, never raw
    elif "markdown" in rest:  # Markdown's own escapes on top: a backslash shows as \\
        assert not raw_controls(out) and "x\\\\x1b\\]0;pwned\\\\x07" in out
    else:
        assert not raw_controls(out) and ESCAPED[:20] in out


def _strings(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for item in items for s in _strings(item)]
