"""``paramscope summary DIR`` / several files / a glob: one row per model file.

Every row of a good file holds the figures ``paramscope summary FILE --format json`` gives
(and Keras's own, tests/golden/files/keras3); a broken file (tests/golden/files/bad, and
files made broken here) gets its one-line error and does not stop the others; exit 2 if any
failed.  The text, JSON, CSV and Markdown tables say the same.
"""

import json
import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from formats_support import FILES, KERAS3_FILES, keras_truth, parse_csv, parse_markdown  # noqa: E402

from paramscope import batch, cli  # noqa: E402

GOOD = os.path.join(FILES, "keras3")
BAD = os.path.join(FILES, "bad")


def _main(capsys, *argv):
    code = cli.main(["summary", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _by_path(data):
    return {row["path"]: row for row in data["files"]}


def test_directory_of_good_files_equals_each_files_json(capsys):
    code, out, err = _main(capsys, GOOD, "--format", "json")
    assert code == 0, err
    rows = _by_path(json.loads(out))
    assert sorted(os.path.basename(p) for p in rows) == KERAS3_FILES
    for name in KERAS3_FILES:
        path = os.path.join(GOOD, name)
        row = rows[path]
        one = json.loads(_main(capsys, path, "--format", "json")[1])
        assert row["status"] == "ok" and row["error"] is None
        for key in ("name", "class_name", "total_params", "trainable_params",
                    "non_trainable_params", "total_bytes"):
            assert row[key] == one[key], (name, key)
        import paramscope
        if callable(getattr(paramscope, "profile", None)):   # MACs: issue 11's profile
            assert row["macs"] == paramscope.profile(paramscope.load(path)).macs
        else:
            assert row["macs"] is None
        truth = keras_truth(name)                       # and Keras's own count
        assert row["trainable_params"] + row["non_trainable_params"] == truth["total_params"]
        assert row["name"] == truth["name"]


def test_broken_files_do_not_stop_the_others(capsys, tmp_path):
    for name in ("cnn.keras", "nested.h5", "sequential.json"):
        shutil.copy(os.path.join(GOOD, name), tmp_path / name)
    (tmp_path / "empty.keras").write_bytes(b"")
    (tmp_path / "half.h5").write_bytes(open(os.path.join(GOOD, "nested.h5"), "rb").read()[:500])
    (tmp_path / "garbage.json").write_text("{not json")
    (tmp_path / "notes.txt").write_text("not a model file: not listed")
    (tmp_path / "model.weights.h5").write_bytes(b"weights only: skipped")
    code, out, err = _main(capsys, str(tmp_path), "--format", "json")
    assert code == 2
    assert "Traceback" not in err
    data = json.loads(out)
    rows = _by_path(data)
    names = sorted(os.path.basename(p) for p in rows)
    assert names == ["cnn.keras", "empty.keras", "garbage.json", "half.h5", "nested.h5",
                     "sequential.json"]
    assert (data["ok"], data["failed"]) == (3, 3)
    for path, row in rows.items():
        broken = os.path.basename(path) in ("empty.keras", "half.h5", "garbage.json")
        assert row["status"] == ("error" if broken else "ok")
        if broken:
            assert row["error"] and "\n" not in row["error"] and row["total_params"] is None
            assert not row["error"].startswith("internal error"), row["error"]
        else:
            assert row["total_params"] == keras_truth(os.path.basename(path))["total_params"]


def test_bad_folder_every_file_its_own_error(capsys):
    code, out, err = _main(capsys, BAD, GOOD + "/cnn.keras", "--format", "csv")
    assert code == 2
    rows = parse_csv(out)
    assert [r["status"] for r in rows].count("ok") == 1
    failed = [r for r in rows if r["status"] == "error"]
    assert len(failed) == len([f for f in os.listdir(BAD) if batch.is_model_file(f)])
    for row in failed:
        assert os.path.basename(row["path"]) in row["error"]     # the file's own message
        assert row["total_params"] == ""


def test_glob_and_several_arguments(capsys):
    code, out, _ = _main(capsys, os.path.join(GOOD, "*.keras"), "--format", "csv")
    assert code == 0
    rows = parse_csv(out)
    assert [os.path.basename(r["path"]) for r in rows] == [
        f for f in KERAS3_FILES if f.endswith(".keras")]
    code, out, _ = _main(capsys, os.path.join(GOOD, "cnn.keras"), os.path.join(GOOD, "cnn.json"),
                         "--format", "csv")
    rows = parse_csv(out)
    assert code == 0 and len(rows) == 2
    assert rows[0]["total_params"] == rows[1]["total_params"] == "151"


def test_text_csv_markdown_hold_what_the_json_holds(capsys, tmp_path):
    for name in ("cnn.keras", "nested.keras", "trained.keras"):
        shutil.copy(os.path.join(GOOD, name), tmp_path / name)
    shutil.copy(os.path.join(BAD, "truncated.keras"), tmp_path / "truncated.keras")
    outputs = {fmt: _main(capsys, str(tmp_path), "--format", fmt) for fmt in
               ("json", "csv", "markdown", "text")}
    assert {code for code, _, _ in outputs.values()} == {2}
    data = json.loads(outputs["json"][1])["files"]
    csv_rows = parse_csv(outputs["csv"][1])
    md_rows = parse_markdown(outputs["markdown"][1])["rows"]
    text_lines = outputs["text"][1].splitlines()
    assert len(csv_rows) == len(md_rows) == len(data) == 4
    for row, c, m in zip(data, csv_rows, md_rows):
        assert c["path"] == m["Path"] == row["path"]
        assert any(line.startswith(row["path"]) for line in text_lines)
        if row["status"] == "ok":
            assert int(c["total_params"]) == row["total_params"]
            assert int(c["total_bytes"]) == row["total_bytes"]
            assert m["Params"] == f"{row['total_params']:,}" and m["Status"] == "ok"
            assert m["Non-trainable"] == f"{row['non_trainable_params']:,}"
        else:
            assert c["error"] == row["error"] and m["Status"] == "error: " + row["error"]
    assert text_lines[-1] == "4 files: 3 ok, 1 failed"


def test_empty_directory_is_one_message(capsys, tmp_path):
    (tmp_path / "readme.txt").write_text("no models here")
    code, out, err = _main(capsys, str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no model files" in err and str(tmp_path) in err


def test_glob_matching_nothing(capsys, tmp_path):
    code, out, err = _main(capsys, str(tmp_path / "*.keras"))
    assert code == 2 and out == "" and "no model files" in err


class _Terminal:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.text += text

    def flush(self):
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal(tty):
    stream = _Terminal(tty)
    paths = [os.path.join(GOOD, "cnn.keras"), os.path.join(BAD, "list.json")]
    rows = batch.summarise_files(paths, progress=batch.Progress(len(paths), stream))
    assert [r.status for r in rows] == ["ok", "error"]
    if tty:
        assert "1/2" in stream.text and "2/2" in stream.text and stream.text.endswith("\r\x1b[K")
    else:
        assert stream.text == ""


def test_no_progress_on_stderr_when_not_a_terminal(capsys):
    code, out, err = _main(capsys, os.path.join(GOOD, "cnn.keras"), os.path.join(GOOD, "cnn.json"))
    assert code == 0 and err == ""


def test_batch_helpers_without_re_or_glob():
    """batch.py is imported on every summary: it must not load re, enum or glob (their
    ~6 ms); its glob test and control-character replacement agree with the regexes."""
    import re
    import subprocess
    code = ("import sys; before = set(sys.modules); import paramscope.batch; "
            "print(sorted({'re', 'enum', 'glob', 'fnmatch'} & (set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    control = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
    text = "".join(map(chr, range(0x2100))) + "\u2029 end"
    assert batch.safe_text(text) == control.sub("\ufffd", text)
    assert batch.safe_text(12) == "12"
    for path in ("models/*.keras", "m?.h5", "a[bc].json", "plain/dir", "x.keras"):
        assert batch.is_many([path]) == (not os.path.exists(path)
                                         and bool(re.search(r"[*?\[]", path)))
