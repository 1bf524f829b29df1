"""``paramscope report``: the page's content without a browser, bad input, large models."""

import json
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from formats_support import FILES  # noqa: E402

from paramscope import cli  # noqa: E402
from paramscope.report import page  # noqa: E402
from paramscope.web import profile_available  # noqa: E402

NESTED = os.path.join(FILES, "keras3", "nested.keras")


def _main(capsys, *argv):
    code = cli.main(["report", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_writes_one_self_contained_page(capsys, tmp_path):
    target = tmp_path / "report.html"
    code, out, err = _main(capsys, NESTED, "-o", str(target))
    assert code == 0 and out == "" and "Traceback" not in err
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)   # nothing fetched
    assert "url(" not in html
    assert os.listdir(tmp_path) == ["report.html"]                    # no temporary left
    assert _main(capsys, NESTED)[1] == html                           # stdout without -o


@pytest.mark.parametrize("output, words", [
    ("missing/report.html", "does not exist"),
    ("report.pdf", "writes one HTML page"),
    ("report", "writes one HTML page"),
    (".", "is a directory"),
])
def test_bad_output_is_one_message_and_no_file(capsys, tmp_path, output, words):
    before = sorted(os.listdir(tmp_path))
    code, out, err = _main(capsys, NESTED, "-o", str(tmp_path / output))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert sorted(os.listdir(tmp_path)) == before


def test_unwritable_directory(capsys, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.geteuid() == 0:     # root writes anywhere: the directory answers as for a user
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if os.fspath(p) == str(locked)
                            else real(p, mode))
    try:
        code, _, err = _main(capsys, NESTED, "-o", str(locked / "r.html"))
    finally:
        locked.chmod(0o700)
    assert code == 2 and "not writable" in err and os.listdir(locked) == []


def test_a_failed_write_leaves_nothing(monkeypatch, tmp_path):
    """A failure while writing (disk full...) removes the temporary file."""
    from paramscope.diagram import plot
    from paramscope.errors import ParamscopeError

    class Full(OSError):
        pass

    real = os.replace

    def failing(src, dst):
        raise Full(28, "No space left on device")
    monkeypatch.setattr(plot.os, "replace", failing)
    with pytest.raises(ParamscopeError, match="No space left"):
        plot.write_atomically(str(tmp_path / "r.html"), "x" * 1000)
    monkeypatch.setattr(plot.os, "replace", real)
    assert os.listdir(tmp_path) == []


def test_bad_model_file_and_batch_size(capsys, tmp_path):
    code, _, err = _main(capsys, os.path.join(FILES, "bad", "truncated.keras"), "-o",
                         str(tmp_path / "r.html"))
    assert code == 2 and err.count("\n") == 1 and os.listdir(tmp_path) == []
    code, _, err = _main(capsys, NESTED, "--batch-size", "0")
    assert code == 2 and "--batch-size" in err


HOSTILE = {"class_name": "Sequential", "config": {"name": "m<img src=x onerror=alert(1)>",
                                                  "layers": [
    {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "name": "in"}},
    {"class_name": "Dense", "config": {"name": "<script>alert('x')<script>", "units": 2}},
    {"class_name": "Dense", "config": {"name": "a\"b' onmouseover=\"x", "units": 1}},
]}}


def test_everything_from_the_file_is_escaped(capsys, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE))
    code, html, err = _main(capsys, str(path))
    assert code == 0, err
    assert "<script" not in html and "<img" not in html
    assert 'onmouseover="x' not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;script&gt;" in html


def test_nasnet_large_by_block():
    import paramscope.keras as keras
    from paramscope import backend_config, naming
    naming.clear_session()
    backend_config.reset()
    model = keras.applications.NASNetLarge(weights=None)
    html = page.render(model)
    layers = len(model.layers)
    assert layers > 1000
    blocks = re.findall(r'<details class="block" data-block="', html)
    assert 10 < len(blocks) <= 120
    rows = re.findall(r'<tr class="layer" data-level="0" data-name="([^"]*)"', html)
    assert len(rows) == layers                     # every layer still listed, in its block
    params = sum(int(v) for v in re.findall(
        r'<tr class="layer" data-level="0"[^>]*>.*?data-value="(\d+)"', html))
    total = int(re.search(r'data-total="Total params"><td colspan="2">Total params:</td>'
                          r'<td class="num" data-value="(\d+)"', html).group(1))
    assert params == total == model.count_params()
    diagram = html[html.index('<div class="diagram">'):]
    assert len(re.findall(r'data-node="block\d+"', diagram)) == len(blocks)   # a box per block
    assert len(html) < 1_500_000


def test_profile_figures_when_the_profile_exists(capsys):
    html = _main(capsys, NESTED, "--batch-size", "4", "--optimizer", "sgd")[1]
    if profile_available():
        assert 'data-chart="macs"' in html and 'data-chart="memory"' in html
        assert 'data-key="training_bytes"' in html
    else:
        assert 'data-chart="macs"' not in html
        assert "has no <code>paramscope.profile</code>" in html
