"""Issue 9, item 1: numbers beyond float or print range stay exact and print, or are
refused with one message past the documented bound (``numtext.MAX_DIGITS``)."""

import json
import sys

import pytest

from paramscope import cli, formats, numtext, summarize
from paramscope.errors import ParamscopeError
from paramscope.report import json as json_report

STYLES = ("keras3", "keras2", "keras2-classic")


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100000")


def exact(n):
    """str(n) without the digit limit (this test's reference)."""
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(n), f"{n:,}"
    finally:
        sys.set_int_max_str_digits(saved)


def big_json(text):
    """json.loads for numbers of any length (this test's reference)."""
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.loads(text)
    finally:
        sys.set_int_max_str_digits(saved)


def sequential(units, input_dim=3):
    return {"class_name": "Sequential", "config": {"name": "big", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, input_dim], "name": "x"}},
        {"class_name": "Dense", "config": {"name": "dense", "units": units}}]}}


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    return (code, *capsys.readouterr())


def test_dense_of_10_to_the_400_units_is_exact_in_every_output(tmp_path, capsys):
    units = 10 ** 400
    params = 3 * units + units
    path = tmp_path / "big.json"
    path.write_text(json.dumps(sequential(units)))
    summary = summarize(formats.load(path))
    assert summary.total_params == params
    assert summary.total_bytes == params * 4  # exact int bytes: too large for a float
    digits, grouped = exact(params)
    for style in STYLES:
        code, out, err = run(capsys, "summary", path, "--style", style, "--explain")
        assert code == 0, err
        assert (grouped if style != "keras2" else digits) in out, style
    code, out, err = run(capsys, "summary", path, "--format", "json")
    data = json.loads(out)
    assert data["total_params"] == params and data["total_bytes"] == params * 4
    assert data["layers"][0]["output_shape"] == [None, units]


def test_script_dense_of_10_to_the_400(tmp_path, capsys):
    path = tmp_path / "big.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    "model = keras.Sequential([keras.Input((3,)), layers.Dense(10**400)])\n")
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert exact(4 * 10 ** 400)[1] in out


def test_output_dimension_of_thousands_of_digits(tmp_path, capsys):
    """Two 3,000-digit dimensions flattened: a 6,000-digit output dimension."""
    dim = 10 ** 2999 + 7
    config = {"class_name": "Sequential", "config": {"name": "wide", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, dim, dim], "name": "x"}},
        {"class_name": "Flatten", "config": {"name": "flatten"}}]}}
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(config))
    flat = exact(dim * dim)[0]
    assert len(flat) > 4300
    for style in STYLES:
        code, out, err = run(capsys, "summary", path, "--style", style, "--explain")
        assert code == 0, err
        assert "10000000000000" in out, style  # the cell shows (the start of) the number
    code, out, _ = run(capsys, "summary", path, "--format", "json")
    assert big_json(out)["layers"][0]["output_shape"] == [None, dim * dim]


def test_numbers_past_the_bound_are_refused_with_one_line(tmp_path, capsys):
    dim = 10 ** 4000
    config = {"class_name": "Sequential", "config": {"name": "absurd", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, dim, dim, dim],
                                                "name": "x"}},
        {"class_name": "Flatten", "config": {"name": "flatten"}}]}}
    path = tmp_path / "absurd.json"
    path.write_text(json.dumps(config))
    for options in (["--style", "keras3"], ["--style", "keras2"], ["--format", "json"]):
        code, out, err = run(capsys, "summary", path, *options)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and f"{numtext.MAX_DIGITS:,} paramscope prints" in err


def test_int_text_matches_python_without_the_limit():
    for n in (0, -5, 10 ** 4299, 10 ** 4300, 10 ** 4301 + 12345, -(7 ** 9000), 3 ** 20000):
        digits, grouped = exact(n)
        assert numtext.int_text(n) == digits and numtext.grouped(n) == grouped
        assert numtext.shape_text((None, n)) == f"(None, {digits})"
        assert numtext.shape_text((n,)) == f"({digits},)"
    with pytest.raises(ParamscopeError, match="digits"):
        numtext.int_text(10 ** (numtext.MAX_DIGITS + 10))


def test_byte_sizes_stay_floats_where_keras_has_floats():
    assert numtext.exact_bytes(4 * 32) == 16.0 and isinstance(numtext.exact_bytes(12), float)
    assert numtext.exact_bytes(3) == 0.375  # bool weights: 1 bit each
    huge = numtext.exact_bytes(8 * 10 ** 400 + 1)  # sub-byte remainder, still exact
    assert huge * 8 == 8 * 10 ** 400 + 1
    assert numtext.add_sizes(68.0, 0.0) == 68.0
    assert numtext.add_sizes(10 ** 400, 0.5) * 2 == 2 * 10 ** 400 + 1
    assert json_report.dumps_exact({"a": huge}) == '{\n  "a": ' + exact(10 ** 400)[0] + '.125\n}'


def test_memory_text_follows_keras_past_the_float_range():
    assert numtext.memory_text(68.0) == "68.00 B"
    assert numtext.memory_text(1024.0 ** 6) == "1.00 PB"  # Keras divides once more
    size = 1024 ** 6 * 10 ** 400
    assert numtext.memory_text(size) == exact(10 ** 400)[0] + ".00 PB"
    assert numtext.memory_text(size + 1024 ** 6 // 2) == exact(10 ** 400)[0] + ".50 PB"


HUGE_LAYERS = {  # layer code with N, input shape
    "conv2d_filters": ("layers.Conv2D(N, 3)", (8, 8, 3)),
    "embedding_dims": ("layers.Embedding(N, N)", (5,)),
    "lstm_units": ("layers.LSTM(N)", (4, 3)),
    "dense_input_dim": ("layers.Dense(3)", "N"),
    "conv1d_and_batch_norm": ("layers.Conv1D(N, 2), layers.BatchNormalization()", (4, 3)),
}


@pytest.mark.parametrize("kind", sorted(HUGE_LAYERS))
def test_huge_filters_dims_and_units_are_exact(tmp_path, capsys, kind):
    """Counts are polynomials of degree <= 2 in N: fitted on N = 1, 2, 3 (the sizes the
    golden tests check against Keras), they must hold exactly at N = 10**400, in every
    style and in JSON."""
    layer_code, shape = HUGE_LAYERS[kind]

    def counts(n):
        path = tmp_path / f"m{len(str(n))}.py"
        shape_text = f"({n},)" if shape == "N" else repr(shape)
        path.write_text(f"import keras\nfrom keras import layers\nN = {n}\n"
                        f"model = keras.Sequential([keras.Input({shape_text}), {layer_code}])\n")
        summary = summarize(_script_model(path))
        return path, (summary.total_params, summary.trainable_params,
                      summary.non_trainable_params)

    points = [counts(n)[1] for n in (1, 2, 3)]
    n = 10 ** 400
    path, got = counts(n)
    for i, values in enumerate(zip(*points)):
        y1, y2, y3 = values
        a2 = (y3 - 2 * y2 + y1) // 2  # second difference / 2
        a1 = y2 - y1 - 3 * a2
        a0 = y1 - a1 - a2
        assert a2 * n * n + a1 * n + a0 == got[i]
    for style in STYLES:
        code, out, err = run(capsys, "summary", path, "--style", style)
        assert code == 0 and "Traceback" not in err, err
        assert (exact(got[0])[1] if style != "keras2" else exact(got[0])[0]) in out, style
    code, out, err = run(capsys, "summary", path, "--format", "json")
    assert code == 0 and big_json(out)["total_params"] == got[0]


def _script_model(path):
    from paramscope.keras.runner import pick_model, run_script
    return pick_model(run_script(str(path)))
