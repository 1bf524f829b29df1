"""Issue 9 (items 2 and 7) on scripts run statement by statement (``paramscope summary``,
``paramscope run --keep-going``, ``--set``): every line paramscope prints about a script
is terminal-safe and escaped once, and whatever the script raises ends in one line.

The script's path, its names, its strings and its exceptions' texts can hold control
characters and terminal escape sequences: they reach the skipped-statement lines, the
unknown-value stops, the ``--set`` errors and warnings and the notes, escaped as ``repr``
shows them (once: an escape is never escaped again), never raw.
"""

import subprocess
import sys

import pytest

from paramscope import cli
from paramscope.keras import runner
from terminal_checks import default_sigint, interrupt_when_ready, raw_controls

ESC = "\x1b]0;pwned\x07"          # sets the terminal's window title
ESC_SHOWN = "\\x1b]0;pwned\\x07"  # as repr shows it
PATH_NAME = f"ev{ESC}il.py"
PATH_SHOWN = f"ev{ESC_SHOWN}il.py"

LOADS_DATA = (
    "import keras\nfrom keras import layers\n"
    "def load():\n"
    "    raise OSError('no disk\\x1b]0;pwned\\x07 \\ud800 here\\nsecond')\n"
    "n = load()\n"
    "model = keras.Sequential([keras.Input((3,)), layers.Dense(n)])\n")
REASON_SHOWN = f"no disk{ESC_SHOWN} \\ud800 here\\nsecond"


@pytest.fixture(autouse=True)
def fixed_terminal(monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, source, name=PATH_NAME):
    path = tmp_path / name
    path.write_text(source)
    return path


def paramscope_lines(err):
    return [line for line in err.splitlines() if line.startswith("paramscope:")]


def assert_escaped_once(err):
    assert not raw_controls(err), err
    assert "\\\\x1b" not in err and "\\\\ud800" not in err, err  # never escaped twice


@pytest.mark.parametrize("command", [["summary"], ["run", "--keep-going"]])
def test_skipped_lines_and_unknown_value_stops_are_escaped_once(tmp_path, capsys, command):
    path = write(tmp_path, LOADS_DATA)
    code, out, err = run(capsys, *command, path)
    assert code == 2 and out == ""
    assert_escaped_once(err)
    skipped, error = paramscope_lines(err)
    assert skipped == (f"paramscope: {tmp_path}/{PATH_SHOWN}:5: skipped (needs the data: "
                       f"{REASON_SHOWN}); n is unknown")
    assert error.startswith(f"paramscope: error: {tmp_path}/{PATH_SHOWN}:6: Dense (argument "
                            "units) needs n (line 5)")
    assert REASON_SHOWN in error and error.endswith("Supply it with --set n=VALUE.")


def test_a_whole_run_stop_is_escaped_once(tmp_path, capsys):
    path = write(tmp_path, LOADS_DATA)
    code, out, err = run(capsys, "run", path)
    assert code == 2
    assert_escaped_once(err)
    (line,) = paramscope_lines(err)
    assert line.startswith(f"paramscope: error: {tmp_path}/{PATH_SHOWN}:4: needs the data: "
                           f"{REASON_SHOWN}")


@pytest.mark.parametrize("option,words", [
    (f"n{ESC}=1", f"--set n{ESC_SHOWN}=1: expected NAME=VALUE"),
    (f"n={ESC}", f"--set n={ESC_SHOWN}: the value must be a Python literal"),
    ("n=(\n1,", "--set n=(\\n1,: the value must be a Python literal"),
    (f"x.shape=('{ESC}',)", f"--set x.shape=('{ESC_SHOWN}',): a shape is a tuple"),
])
def test_set_errors_are_one_escaped_line(tmp_path, capsys, option, words):
    path = write(tmp_path, LOADS_DATA)
    code, out, err = run(capsys, "summary", path, "--set", option)
    assert code == 2 and out == ""
    assert_escaped_once(err)
    assert err.count("\n") == 1 and words in err, err


def test_set_values_and_unused_sets_are_escaped(tmp_path, capsys):
    path = write(tmp_path, LOADS_DATA)
    code, out, err = run(capsys, "summary", path, "--set", f"n='{ESC}'",
                         "--set", f"unused='{ESC}'")
    assert code == 2
    assert_escaped_once(err)
    skipped, error = paramscope_lines(err)
    assert skipped.endswith(f"; n='{ESC_SHOWN}' (--set)")
    # Keras's message quotes the value with repr: shown as repr shows it, not escaped again.
    assert error.endswith("Received: units='\\x1b]0;pwned\\x07'")
    code, out, err = run(capsys, "summary", path, "--set", "n=4", "--set", f"unused='{ESC}'")
    assert code == 0
    assert_escaped_once(err)
    assert (f"paramscope: warning: --set unused='{ESC_SHOWN}' was not used: the script never "
            "left unused unknown") in paramscope_lines(err)


def test_notes_and_model_lists_are_escaped(tmp_path, capsys):
    name = f"net{ESC}"
    source = ("import keras\nfrom keras import layers\n"
              "def fetch():\n    raise OSError('gone\\x1b[2J')\n"
              f"net = keras.Sequential([keras.Input((3,)), layers.Dense(2)], name={name!r})\n"
              "model = fetch()\n")
    path = write(tmp_path, source)
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert_escaped_once(err)
    assert not raw_controls(out) and f"net{ESC_SHOWN}" in out
    note = paramscope_lines(err)[-1]
    assert note.startswith("paramscope: note: the script's `model` is unknown (model (line 6)")
    assert "gone\\x1b[2J" in note and note.endswith(f"{name!r}.")
    # Two models and a stop: the stop lists them, escaped.
    source += (f"other = keras.Sequential([keras.Input((3,)), layers.Dense(2)], name={name!r})\n"
               "layers.Dense(model)\n")
    path = write(tmp_path, source)
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert_escaped_once(err)
    error = paramscope_lines(err)[-1]
    assert f"Models built before it stopped: net (net{ESC_SHOWN}), other (net{ESC_SHOWN})" in error


def test_a_stop_at_training_notes_the_escaped_stop(tmp_path, capsys):
    source = ("import keras\nfrom keras import layers\n"
              "def data():\n    raise OSError('no file\\x1b[2J')\n"
              "x = data()\n"
              "model = keras.Sequential([keras.Input((3,)), layers.Dense(2, name='d\\x07')])\n"
              "model.compile('adam', 'mse')\nmodel.fit(x, x)\n")
    path = write(tmp_path, source)
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert_escaped_once(err)
    assert not raw_controls(out) and "d\\x07 (Dense)" in out
    note = paramscope_lines(err)[-1]
    assert note.startswith(f"paramscope: note: the script stopped ({tmp_path}/{PATH_SHOWN}:8: ")


RAISES = {
    "base_exception_in_a_function": (
        "def main():\n    class Stop(BaseException):\n        pass\n"
        "    raise Stop('enough\\x1b[2J')\nmain()\n", ":4: the script raised Stop: enough\\x1b[2J"),
    "generator_exit": ("x = 1\nraise GeneratorExit('g\\x07')\n",
                       ":2: the script raised GeneratorExit: g\\x07"),
    "str_fails_on_a_skippable_error": (
        "class Bad(OSError):\n    def __str__(self):\n        raise RuntimeError\n"
        "def load():\n    raise Bad()\nn = load()\n",
        ":5: the script raised Bad: <Bad object whose str() fails>"),
    "hostile_exception_name": (
        "E = type('E\\x1b[31m', (Exception,), {})\nraise E('m')\n",
        ":2: the script raised E\\x1b[31m: m"),
    "exit_status": ("import sys\nsys.exit('code\\x1b[2J')\n",
                    ": the script exited with status code\\x1b[2J"),
}


@pytest.mark.parametrize("command", [["summary"], ["run", "--keep-going"], ["run"]])
@pytest.mark.parametrize("kind", sorted(RAISES))
def test_whatever_a_script_raises_is_one_escaped_line(tmp_path, capsys, command, kind):
    source, words = RAISES[kind]
    path = write(tmp_path, source)
    code, out, err = run(capsys, *command, path)
    assert code == 2 and "Traceback" not in err
    assert_escaped_once(err)
    (line,) = paramscope_lines(err)
    assert line.startswith(f"paramscope: error: {tmp_path}/{PATH_SHOWN}"), line
    assert words in line, line


def test_except_exception_does_not_swallow_a_stop(tmp_path, capsys):
    """A stop is a BaseException on purpose: the script's ``except Exception`` (or a bare
    ``except BaseException`` that goes on) cannot turn it into a model built without it."""
    source = LOADS_DATA.replace(
        "model = keras.Sequential([keras.Input((3,)), layers.Dense(n)])\n",
        "try:\n    model = keras.Sequential([keras.Input((3,)), layers.Dense(n)])\n"
        "except Exception:\n    model = None\n"
        "except BaseException:\n    model = None\n")
    path = write(tmp_path, source)
    for command in (["summary"], ["run", "--keep-going"]):
        code, out, err = run(capsys, *command, path)
        assert code == 2
        assert_escaped_once(err)
        assert "Dense (argument units) needs n (line 5)" in paramscope_lines(err)[-1]


def paramscope(*argv):
    return subprocess.Popen([sys.executable, "-m", "paramscope", *map(str, argv)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=default_sigint)


@pytest.mark.parametrize("command", [["summary"], ["run", "--keep-going"]])
def test_keyboard_interrupt_in_a_statement_by_statement_run(tmp_path, command):
    path = write(tmp_path, LOADS_DATA.replace("n = load()\n", "n = load()\nraise KeyboardInterrupt\n"))
    process = paramscope(*command, path)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and err.endswith(b"paramscope: interrupted\n"), err
    assert b"Traceback" not in err
    # Ctrl-C itself, while a function of the script runs.
    path = write(tmp_path, "import time\ndef wait():\n    print('ready', flush=True)\n"
                           "    time.sleep(60)\nwait()\n")
    process = paramscope(*command, path)
    code, err = interrupt_when_ready(process, process.stderr if command == ["summary"]
                                     else process.stdout)
    assert code == 130 and err.endswith(b"paramscope: interrupted\n"), err


FD1_SCRIPT = ("import os, subprocess, sys\n"
              "def load():\n    raise OSError('no data')\n"
              "data = load()\n"
              "os.write(1, b'raw fd 1\\n')\n"
              "print('to __stdout__', file=sys.__stdout__)\n"
              "subprocess.run([sys.executable, '-c', 'print(\"from a subprocess\")'])\n"
              "import keras\nfrom keras import layers\n"
              "model = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n")


def test_file_descriptor_1_stays_clean_in_a_statement_by_statement_run(tmp_path):
    import json
    path = write(tmp_path, FD1_SCRIPT, "script.py")
    process = paramscope("summary", path, "--format", "json")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert json.loads(out)["total_params"] == 8
    for text in (b"skipped (needs the data: no data)", b"raw fd 1", b"to __stdout__",
                 b"from a subprocess"):
        assert text in err


def test_file_descriptor_1_stays_clean_in_the_quiet_whole_run(tmp_path, capfd, monkeypatch):
    """A script that only builds models runs whole first, its prints held back; what it
    writes to file descriptor 1 directly goes where its prints go (stderr), not to stdout."""
    path = write(tmp_path, "import sys\nprint('held back')\n"
                           "print('to __stdout__', file=sys.__stdout__)\n"
                           "import keras\nfrom keras import layers\n"
                           "model = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n",
                 "script.py")
    monkeypatch.setattr(runner, "only_builds_models", lambda source: True)
    quiet = []
    real = runner._run_whole_quietly
    monkeypatch.setattr(runner, "_run_whole_quietly",
                        lambda *args: quiet.append(1) or real(*args))
    result = runner.run_script(str(path), stdout=sys.stderr, keep_going=True,
                               stop_at_computation=True)
    assert quiet and result.models and result.stopped is None
    out, err = capfd.readouterr()
    assert out == ""
    assert "held back" in err and "to __stdout__" in err


TF_KERAS_SCRIPT = (
    "import tensorflow as tf\n"
    "def load():\n"
    "    raise OSError('no disk\\x1b]0;pwned\\x07 \\ud800 here\\nsecond')\n"
    "n = load()\n"
    "model = tf.keras.Sequential([tf.keras.layers.Embedding(100, n, name='e\\x1b[2J'),\n"
    "                             tf.keras.layers.Dense(n)])\n")


@pytest.mark.parametrize("style", ["keras2", "keras2-classic"])
def test_tf_keras_semantics_keep_the_guarantees(tmp_path, capsys, style):
    """Under ``--style keras2`` (tf.keras semantics: Embedding declares its input, the
    backend is TensorFlow) the skipped lines, the stop and the table are escaped once."""
    path = write(tmp_path, TF_KERAS_SCRIPT)
    code, out, err = run(capsys, "summary", path, "--style", style)
    assert code == 2 and out == "" and "Traceback" not in err
    assert_escaped_once(err)
    skipped, error = paramscope_lines(err)
    assert skipped.endswith(f"skipped (needs the data: {REASON_SHOWN}); n is unknown")
    assert error.startswith(f"paramscope: error: {tmp_path}/{PATH_SHOWN}:5: Embedding (argument "
                            "output_dim) needs n (line 4)")
    code, out, err = run(capsys, "summary", path, "--style", style, "--set", "n=4")
    assert code == 0, err
    assert_escaped_once(err)
    assert not raw_controls(out)
    assert "e\\x1b[2J (Embedding)" in out and "(None, None, 4)" in out
    code, out, err = run(capsys, "summary", path, "--style", style, "--set", f"n='{ESC}'")
    assert code == 2 and out == "" and not raw_controls(err)
    # The line holds the raw name (escaped) and Keras's repr of the value (already
    # printable): as textsafe documents, a line that needed an escape shows its own
    # backslashes doubled, so the repr's "\x1b" cannot be read as the name's ESC.
    assert paramscope_lines(err)[-1] == (
        f"paramscope: error: {tmp_path}/{PATH_SHOWN}:5: Embedding 'e\\x1b[2J': received an "
        "invalid value for `output_dim`, expected a positive integer. Received: "
        "output_dim='\\\\x1b]0;pwned\\\\x07'")
