"""Bad model files: every one is a clear ModelFileError (CLI: one line, exit 2), never a crash."""

import base64
import json
import marshal
import os
import sys
import zipfile

import pytest

import paramscope
from conftest import GOLDEN
from paramscope import formats
from paramscope.cli import main as cli_main
from paramscope.errors import (MissingDependencyError, ModelFileError, ParamscopeError,
                               UnknownLayerError)

FILES = os.path.join(GOLDEN, "files")
BAD = os.path.join(FILES, "bad")


def bad(name):
    return os.path.join(BAD, name)


BAD_FILES = [
    ("truncated.keras", ["truncated"]),
    ("not_a_zip.keras", ["not a .keras archive", "zip"]),
    ("no_config.keras", ["no config.json"]),
    ("config_not_json.keras", ["config.json", "not valid JSON"]),
    ("not_a_model.json", ["not a Keras model config", "'optimizer'"]),
    ("list.json", ["not a Keras model config", "list"]),
    ("missing_layer.json", ["'sum'", "'no_such_layer'"]),
    ("cycle.json", ["cycle", "'left'"]),
    ("weights_only.weights.h5", ["only weights", "model_config"]),
]


@pytest.mark.parametrize("name,words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_model_file_error(name, words):
    if name.endswith(".h5"):
        pytest.importorskip("h5py")
    with pytest.raises(ModelFileError) as info:
        paramscope.load(bad(name))
    message = str(info.value)
    assert message.startswith(bad(name) + ":" if not message.startswith(bad(name) + " (")
                              else bad(name) + " ("), message
    for word in words:
        assert word in message, message
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("name,words", BAD_FILES + [("unknown_layer.json", ["FancyDense"])],
                         ids=[b[0] for b in BAD_FILES] + ["unknown_layer.json"])
def test_cli_prints_one_line_and_exits_2(name, words, capsys):
    if name.endswith(".h5"):
        pytest.importorskip("h5py")
    code = cli_main(["summary", bad(name), "--color", "never"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("paramscope: error: ") and bad(name) in lines[0]


def test_unknown_layer_names_layer_class_module_and_fixes():
    with pytest.raises(UnknownLayerError) as info:
        paramscope.load(bad("unknown_layer.json"))
    message = str(info.value)
    for word in ("unknown_layer.json", "'right'", "FancyDense", "my_project.layers",
                 "paramscope.register_layer(", "--assume-passthrough FancyDense"):
        assert word in message, message


def test_assume_passthrough_loads_unknown_layer_with_a_warning():
    # The real file's unknown layer changes shapes (it is a Dense): assuming
    # passthrough then fails where the shapes stop fitting, naming the layer.
    with pytest.raises(ParamscopeError, match="'sum'"):
        paramscope.load(bad("unknown_layer.json"), assume_passthrough=["FancyDense"])
    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 5], "name": "x"}},
        {"class_name": "MyNoise", "module": "lab.layers", "registered_name": "lab>MyNoise",
         "config": {"name": "noise", "stddev": 0.1}},
        {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}}
    with pytest.raises(UnknownLayerError, match="MyNoise"):
        formats.load_config(config)
    for assumed in (["MyNoise"], ["noise"]):
        model = formats.load_config(config, assume_passthrough=assumed)
        summary = paramscope.summarize(model)
        rows = {r.name: r for r in summary.layers}
        assert rows["noise"].class_name == "MyNoise"
        assert rows["noise"].output_shape == (None, 5)
        assert rows["noise"].params == 0 and rows["d"].params == 12
        assert any("'noise'" in w and "assumed" in w for w in summary.warnings)


@pytest.fixture
def mismatch_keras(tmp_path):
    """keras3/sequential.keras with the last Dense's units 4 -> 5 in config.json only."""
    src = os.path.join(FILES, "keras3", "sequential.keras")
    with zipfile.ZipFile(src) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    path = tmp_path / "weights_mismatch.keras"
    with zipfile.ZipFile(path, "w") as out:
        for info, data in members:
            if info.filename == "config.json":
                config = json.loads(data)
                for layer in config["config"]["layers"]:
                    if layer["class_name"] == "Dense" and layer["config"]["units"] == 4:
                        layer["config"]["units"] = 5
                data = json.dumps(config).encode()
            out.writestr(info, data)  # stored, like Keras writes it
    return str(path)


def test_weights_mismatch_is_reported_by_layer(mismatch_keras):
    pytest.importorskip("h5py")
    model = paramscope.load(mismatch_keras)
    mismatches = formats.weight_mismatches(model)
    assert [m.layer for m in mismatches] == ["dense_1"]
    assert mismatches[0].stored == [(4,), (16, 4)]
    assert mismatches[0].expected == [(5,), (16, 5)]
    warnings = paramscope.summarize(model).warnings
    assert any("dense_1" in w and "(16, 4)" in w and "(16, 5)" in w for w in warnings)
    # The same archive, compressed: the weights file is read from memory instead.
    compressed = mismatch_keras.replace(".keras", "_deflated.keras")
    with zipfile.ZipFile(mismatch_keras) as zin, zipfile.ZipFile(
            compressed, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    model = paramscope.load(compressed)
    assert [m.layer for m in formats.weight_mismatches(model)] == ["dense_1"]


def test_cli_reports_weights_mismatch_as_a_warning(mismatch_keras, capsys):
    pytest.importorskip("h5py")
    code = cli_main(["summary", mismatch_keras, "--color", "never"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "dense_1" in err and "weights disagree" in err
    assert 'Model: "mlp"' in out


# ---------------------------------------------------------------------------
def _zip(path, members):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_huge_config_json_is_refused(tmp_path):
    from paramscope.formats import safejson
    size = safejson.MAX_CONFIG_BYTES + 1024
    path = _zip(tmp_path / "huge.keras", {"config.json": b" " * size})
    with pytest.raises(ModelFileError) as info:
        paramscope.load(path)
    assert "config.json" in str(info.value) and "more than" in str(info.value)
    assert "max_config_bytes" in str(info.value)


def test_size_limit_is_configurable(tmp_path):
    path = os.path.join(FILES, "keras3", "branches.keras")
    with pytest.raises(ModelFileError, match="more than"):
        paramscope.load(path, max_config_bytes=1000)
    with pytest.raises(ModelFileError, match="more than"):
        paramscope.load(os.path.join(FILES, "keras3", "branches.json"), max_config_bytes=1000)


def test_deeply_nested_json(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(ModelFileError, match="nested"):
        paramscope.load(deep)
    medium = tmp_path / "medium.json"
    medium.write_text('{"class_name": "Sequential", "config": ' + '{"a": ' * 500 + "1" + "}" * 500 + "}")
    with pytest.raises(ModelFileError, match="nested"):
        paramscope.load(medium)
    with pytest.raises(ModelFileError, match="nested"):
        formats.load_config({"class_name": "Sequential", "config": _deep_dict(400)})
    with pytest.raises(ModelFileError, match="nested"):
        paramscope.load({"class_name": "Sequential", "config": _deep_dict(5000)})


def _deep_dict(n):
    d = {}
    for _ in range(n):
        d = {"x": d}
    return d


def test_deeply_nested_models_are_refused(tmp_path):
    layer = {"class_name": "Dense", "config": {"name": "d", "units": 2}}
    config = {"class_name": "Sequential", "config": {"name": "m0", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 2], "name": "i0"}}, layer]}}
    for i in range(1, 60):
        config = {"class_name": "Sequential", "config": {"name": f"m{i}", "layers": [
            {"class_name": "InputLayer", "config": {"batch_shape": [None, 2], "name": f"i{i}"}},
            config]}}
    with pytest.raises(ModelFileError, match="nested"):
        formats.load_config(config)


def test_truncated_and_foreign_hdf5(tmp_path):
    h5py = pytest.importorskip("h5py")
    with open(os.path.join(FILES, "keras3", "sequential.h5"), "rb") as f:
        blob = f.read()
    cut = tmp_path / "cut.h5"
    cut.write_bytes(blob[:3000])
    with pytest.raises(ModelFileError, match="truncated"):
        paramscope.load(cut)
    plain = tmp_path / "plain.h5"
    with h5py.File(plain, "w") as f:
        f.create_dataset("data", data=[1, 2, 3])
    with pytest.raises(ModelFileError, match="no Keras model config"):
        paramscope.load(plain)


def test_odd_paths(tmp_path):
    with pytest.raises(ModelFileError, match="no such file"):
        paramscope.load(tmp_path / "nope.keras")
    with pytest.raises(ModelFileError, match="directory"):
        paramscope.load(tmp_path)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "saved_model.pb").write_bytes(b"x")
    with pytest.raises(ModelFileError, match="SavedModel"):
        paramscope.load(tmp_path / "saved")
    empty = tmp_path / "empty.keras"
    empty.write_bytes(b"")
    with pytest.raises(ModelFileError, match="empty"):
        paramscope.load(empty)
    other = tmp_path / "model.bin"
    other.write_bytes(b"\x00\x01\x02garbage")
    with pytest.raises(ModelFileError, match="unrecognized file format"):
        paramscope.load(other)
    with pytest.raises(ModelFileError):
        paramscope.load(12345)


def test_corrupted_member_in_zip(tmp_path):
    src = os.path.join(FILES, "keras3", "cnn.keras")
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    path = _zip(tmp_path / "corrupt.keras", members)
    blob = bytearray(path.read_bytes())
    # Flip bytes inside the compressed config.json data (after its local header).
    start = blob.index(b"config.json") + len("config.json") + 10
    for i in range(start, start + 40):
        blob[i] ^= 0xFF
    path.write_bytes(bytes(blob))
    with pytest.raises(ModelFileError) as info:
        paramscope.load(path)
    assert "corrupt.keras" in str(info.value)


def test_layer_errors_name_the_file_and_layer(tmp_path):
    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "name": "x"}},
        {"class_name": "Dense", "config": {"name": "bad_dense", "units": -4}}]}}
    path = tmp_path / "bad_units.json"
    path.write_text(json.dumps(config))
    with pytest.raises(ParamscopeError) as info:
        paramscope.load(path)
    message = str(info.value)
    assert str(path) in message and "bad_dense" in message and "units" in message
    config["config"]["layers"][1]["config"] = {"name": "no_units"}
    path.write_text(json.dumps(config))
    with pytest.raises(ModelFileError) as info:
        paramscope.load(path)
    assert "no_units" in str(info.value) and "units" in str(info.value)


def test_graph_errors_inside_configs():
    base = {"class_name": "Functional", "config": {
        "name": "f", "layers": [
            {"class_name": "InputLayer", "name": "x", "inbound_nodes": [],
             "config": {"batch_shape": [None, 3], "name": "x"}},
            {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 2},
             "inbound_nodes": [[["x", 0, 0, {}]]]}],
        "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}}
    assert formats.load_config(base).count_params() == 8
    dup = json.loads(json.dumps(base))
    dup["config"]["layers"][1]["name"] = "x"
    dup["config"]["layers"][1]["config"]["name"] = "x"
    with pytest.raises(ModelFileError, match="two layers are named 'x'"):
        formats.load_config(dup)
    wrong_out = json.loads(json.dumps(base))
    wrong_out["config"]["output_layers"] = [["d", 3, 0]]
    with pytest.raises(ModelFileError, match="call 3 of layer 'd'"):
        formats.load_config(wrong_out)
    missing_out = json.loads(json.dumps(base))
    missing_out["config"]["output_layers"] = [["zz", 0, 0]]
    with pytest.raises(ModelFileError, match="'zz'"):
        formats.load_config(missing_out)
    bad_tensor = json.loads(json.dumps(base))
    bad_tensor["config"]["layers"][1]["inbound_nodes"] = [[["x", 0, 5, {}]]]
    with pytest.raises(ModelFileError, match="output 5"):
        formats.load_config(bad_tensor)
    never = json.loads(json.dumps(base))
    never["config"]["layers"][1]["inbound_nodes"] = [[["x", 2, 0, {}]], [["d", 0, 0, {}]]]
    never["config"]["layers"][0]["class_name"] = "Dense"
    never["config"]["layers"][0]["config"] = {"name": "x", "units": 3}
    never["config"]["layers"][0]["inbound_nodes"] = [[["d", 1, 0, {}]]]
    with pytest.raises(ModelFileError, match="cannot be rebuilt"):
        formats.load_config(never)


# ---------------------------------------------------------------------------
# Nothing in a file is ever executed
# ---------------------------------------------------------------------------
def test_lambda_bytecode_is_never_run(tmp_path):
    marker = tmp_path / "executed"
    code = compile(f"open({str(marker)!r}, 'w').write('pwned')", "<evil>", "exec")
    payload = base64.b64encode(marshal.dumps(code)).decode("ascii")
    config = {"class_name": "Functional", "config": {
        "name": "f", "layers": [
            {"class_name": "InputLayer", "name": "x", "inbound_nodes": [],
             "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "x"}},
            {"class_name": "Lambda", "name": "evil",
             "config": {"name": "evil", "trainable": True, "dtype": "float32",
                        "function": [payload, None, None], "function_type": "lambda",
                        "module": "__main__", "output_shape": [payload, None, None],
                        "output_shape_type": "lambda", "output_shape_module": "__main__",
                        "arguments": {}},
             "inbound_nodes": [[["x", 0, 0, {}]]]},
            {"class_name": "Lambda", "name": "evil3",
             "config": {"name": "evil3", "function": {"class_name": "__lambda__", "config": {
                 "code": payload, "defaults": None, "closure": None}},
                 "output_shape": {"class_name": "__lambda__", "config": {
                     "code": payload, "defaults": None, "closure": None}}},
             "module": "keras.layers", "registered_name": None,
             "inbound_nodes": [[["evil", 0, 0, {}]]]}],
        "input_layers": [["x", 0, 0]], "output_layers": [["evil3", 0, 0]]},
        "keras_version": "2.15.0"}
    model = formats.load_config(config)
    assert not marker.exists()
    summary = paramscope.summarize(model)
    assert [r.output_shape for r in summary.layers] == [(None, 3), (None, 3), (None, 3)]
    assert any("evil" in w for w in summary.warnings)
    assert not marker.exists()


# ---------------------------------------------------------------------------
# h5py is optional
# ---------------------------------------------------------------------------
@pytest.fixture
def no_h5py(monkeypatch):
    monkeypatch.setitem(sys.modules, "h5py", None)


def test_h5_without_h5py_says_how_to_install(no_h5py):
    with pytest.raises(MissingDependencyError) as info:
        paramscope.load(os.path.join(FILES, "keras3", "sequential.h5"))
    message = str(info.value)
    assert "pip install 'paramscope[h5]'" in message and "sequential.h5" in message


def test_cli_without_h5py(no_h5py, capsys):
    code = cli_main(["summary", os.path.join(FILES, "tfkeras", "nested.h5")])
    _, err = capsys.readouterr()
    assert code == 2 and "paramscope[h5]" in err and len(err.strip().splitlines()) == 1


def test_config_only_paths_work_without_h5py(no_h5py):
    for path in (os.path.join(FILES, "keras3", "nested.keras"),
                 os.path.join(FILES, "tfkeras", "nested.keras"),
                 os.path.join(FILES, "keras3", "nested.json"),
                 os.path.join(FILES, "tfkeras", "sequential.json")):
        model = paramscope.load(path)
        assert paramscope.summarize(model).total_params > 0
    report = formats.weight_report(paramscope.load(os.path.join(FILES, "keras3", "cnn.keras")))
    assert report is not None and not report.checked and "h5py" in report.reason
    assert paramscope.load(os.path.join(FILES, "keras3", "cnn.keras"), check_weights=False)


def test_formats_package_does_not_import_h5py_or_numpy():
    import subprocess
    code = ("import sys, paramscope, paramscope.formats as f; "
            "m = f.load(sys.argv[1]); "
            "assert 'h5py' not in sys.modules and 'numpy' not in sys.modules, "
            "sorted(k for k in sys.modules if k in ('h5py', 'numpy'))")
    subprocess.run([sys.executable, "-c", code, os.path.join(FILES, "keras3", "nested.json")],
                   check=True)
    code = code.replace("f.load(sys.argv[1])", "f.load(sys.argv[1], check_weights=False)")
    subprocess.run([sys.executable, "-c", code, os.path.join(FILES, "keras3", "nested.keras")],
                   check=True)
