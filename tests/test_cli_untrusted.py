"""Issue 9, item 7: hostile arguments and paths, and scripts that misbehave, end cleanly.

--line-length past the bound, a FIFO as MODEL (refused before anything opens it),
standard input as MODEL (read once), scripts raising BaseException subclasses,
GeneratorExit or KeyboardInterrupt, and scripts writing to file descriptor 1 while
``--format json`` is on.  The cases that used to block run as real processes with a
timeout, so that a regression fails instead of hanging.
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import GOLDEN
from terminal_checks import default_sigint, interrupt_when_ready
from paramscope import cli, report

FILES = os.path.join(GOLDEN, "files")
MODEL = ("import keras\nfrom keras import layers\n"
         "model = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    return (code, *capsys.readouterr())


def paramscope(*argv, stdin=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "paramscope", *map(str, argv)],
                          stdin=stdin if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, timeout=timeout,
                          env=dict(os.environ, COLUMNS="100"))


def one_error_line(err):
    lines = [line for line in err.splitlines() if line.startswith("paramscope: error: ")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("style", ["keras3", "keras2", "keras2-classic"])
@pytest.mark.parametrize("length", [10 ** 9, report.MAX_LINE_LENGTH + 1, 10 ** 40])
def test_line_length_past_the_bound_is_refused(tmp_path, capsys, style, length):
    path = tmp_path / "model.py"
    path.write_text(MODEL)
    code, out, err = run(capsys, "summary", path, "--style", style, "--line-length", length)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert f"at most {report.MAX_LINE_LENGTH:,}" in line


def test_line_length_at_the_bound_renders(tmp_path, capsys):
    path = tmp_path / "model.py"
    path.write_text(MODEL)
    code, out, err = run(capsys, "summary", path, "--style", "keras2",
                         "--line-length", report.MAX_LINE_LENGTH)
    assert code == 0 and len(out.splitlines()[1]) == report.MAX_LINE_LENGTH


def test_model_summary_line_length_in_a_script(tmp_path, capsys):
    path = tmp_path / "model.py"
    path.write_text(MODEL + "model.summary(line_length=10**9)\n")
    code, out, err = run(capsys, "run", path)
    assert code == 2 and "at most 10,000" in one_error_line(err)


@pytest.mark.parametrize("length", ["4", "6", "8"])
def test_keras2_layout_too_narrow_to_progress_is_refused(tmp_path, length):
    """tf.keras's row printer never ends for these widths; paramscope says so."""
    path = tmp_path / "model.py"
    path.write_text(MODEL)
    result = paramscope("summary", path, "--style", "keras2", "--line-length", length,
                        timeout=60)
    assert result.returncode == 2
    assert "too narrow" in one_error_line(result.stderr.decode())


@pytest.mark.parametrize("name", ["model.keras", "model.py", "model.json"])
def test_fifo_is_refused_before_it_is_opened(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = paramscope("summary", fifo, timeout=60)
    assert result.returncode == 2
    assert "is a FIFO (named pipe), not a regular file" in one_error_line(result.stderr.decode())
    result = paramscope("run", fifo, timeout=60) if name.endswith(".py") else None
    if result is not None:
        assert result.returncode == 2 and "FIFO" in result.stderr.decode()


def test_fifo_is_refused_by_the_python_api(tmp_path):
    fifo = tmp_path / "model.h5"
    os.mkfifo(fifo)
    code = ("import sys, paramscope\n"
            "try:\n    paramscope.load(sys.argv[1])\n"
            "except paramscope.ParamscopeError as e:\n    print(e)\n")
    result = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True,
                            timeout=60, stdin=subprocess.DEVNULL)
    assert b"is a FIFO (named pipe), not a regular file" in result.stdout, result


def test_character_device_is_refused(capsys):
    code, out, err = run(capsys, "summary", "/dev/zero")
    assert code == 2 and "is a character device" in one_error_line(err)


@pytest.mark.parametrize("name", ["keras3/cnn.keras", "keras3/sequential.h5",
                                  "tfkeras/nested.json"])
@pytest.mark.parametrize("argument", ["-", "/dev/stdin"])
def test_standard_input_is_read_once(name, argument):
    expected = paramscope("summary", os.path.join(FILES, name))
    with open(os.path.join(FILES, name), "rb") as f:
        data = f.read()
    # A pipe (read once: it cannot be read twice) ...
    result = subprocess.run([sys.executable, "-m", "paramscope", "summary", argument],
                            input=data, capture_output=True, timeout=60,
                            env=dict(os.environ, COLUMNS="100"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout
    # ... and a redirected file.
    with open(os.path.join(FILES, name), "rb") as f:
        result = paramscope("summary", argument, stdin=f)
    assert result.returncode == 0 and result.stdout == expected.stdout


def test_empty_standard_input_is_one_line():
    result = subprocess.run([sys.executable, "-m", "paramscope", "summary", "-"], input=b"",
                            capture_output=True, timeout=60)
    assert result.returncode == 2
    assert "standard input is empty" in one_error_line(result.stderr.decode())


SCRIPTS = {
    "base_exception": ("class Stop(BaseException):\n    pass\nraise Stop('enough')\n",
                       "the script raised Stop: enough"),
    "generator_exit": ("raise GeneratorExit\n", "the script raised GeneratorExit"),
    "str_fails": ("class E(Exception):\n    def __str__(self):\n        raise RuntimeError\n"
                  "raise E()\n", "E object whose str() fails"),
}


@pytest.mark.parametrize("kind", sorted(SCRIPTS))
def test_scripts_raising_base_exceptions_get_one_line(tmp_path, capsys, kind):
    source, words = SCRIPTS[kind]
    path = tmp_path / "script.py"
    path.write_text(source)
    for command in ("summary", "run"):
        code, out, err = run(capsys, command, path)
        assert code == 2
        assert words in one_error_line(err)


def test_keyboard_interrupt_exits_130_with_a_line(tmp_path):
    path = tmp_path / "script.py"
    path.write_text("raise KeyboardInterrupt\n")
    for command in ("summary", "run"):
        result = paramscope(command, path)
        assert result.returncode == 130
        assert result.stderr.decode() == "paramscope: interrupted\n"


def test_ctrl_c_while_reading_exits_130(tmp_path):
    path = tmp_path / "script.py"
    path.write_text("import time\nprint('ready', flush=True)\ntime.sleep(60)\n")
    process = subprocess.Popen([sys.executable, "-m", "paramscope", "summary", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=default_sigint)
    code, err = interrupt_when_ready(process, process.stderr)
    assert code == 130 and err.endswith(b"paramscope: interrupted\n"), err


def test_scripts_writing_to_file_descriptor_1_do_not_corrupt_json(tmp_path):
    path = tmp_path / "script.py"
    path.write_text(
        "import os, subprocess, sys\n"
        "os.write(1, b'raw fd 1\\n')\n"
        "print('to __stdout__', file=sys.__stdout__)\n"
        "print('plain print')\n"
        "subprocess.run([sys.executable, '-c', 'print(\"from a subprocess\")'])\n"
        + MODEL)
    result = paramscope("summary", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total_params"] == 8
    for text in (b"raw fd 1", b"to __stdout__", b"plain print", b"from a subprocess"):
        assert text in result.stderr
    # After the script, paramscope's own stdout is fd 1 again.
    assert result.stdout.startswith(b"{")
