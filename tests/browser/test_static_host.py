"""The browser tests' and the benchmark's server (page_harness.StaticServer) sends files as a
static host does: gzip-compressed to a browser that accepts it, plain otherwise, and the
already-compressed files (zip, wheel) as they are. No browser needed."""

import gzip
import urllib.error
import urllib.request

import pytest

import page_harness as harness


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    files = {"index.html": b"<!doctype html><title>t</title>" * 50,
             "app.js": b"console.log('paramscope');\n" * 200,
             "pyodide.asm.wasm": bytes(range(256)) * 100,
             "paramscope-0.1.0-py3-none-any.whl": b"PK\x03\x04" + bytes(500)}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with harness.StaticServer(str(folder)) as server:
        yield server, files


def get(url, accept_encoding=None):
    request = urllib.request.Request(url)
    if accept_encoding is not None:
        request.add_header("Accept-Encoding", accept_encoding)
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("name", ["app.js", "pyodide.asm.wasm", ""])
def test_text_and_webassembly_are_sent_gzip_compressed(site, name):
    server, files = site
    headers, body = get(server.url + name, "gzip, deflate, br")
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body) < len(files[name or "index.html"])
    assert gzip.decompress(body) == files[name or "index.html"]
    if name == "pyodide.asm.wasm":
        assert headers["Content-Type"] == "application/wasm"  # needed for streaming compilation


@pytest.mark.parametrize("accept_encoding", [None, "identity", "br", "gzip;q=0"])
def test_plain_to_a_client_that_does_not_accept_gzip(site, accept_encoding):
    server, files = site
    headers, body = get(server.url + "app.js", accept_encoding)
    assert headers["Content-Encoding"] is None and body == files["app.js"]


def test_compressed_files_are_sent_as_they_are(site):
    server, files = site
    name = "paramscope-0.1.0-py3-none-any.whl"
    headers, body = get(server.url + name, "gzip")
    assert headers["Content-Encoding"] is None and body == files[name]


def test_make_serve_style_plain_files(tmp_path):
    (tmp_path / "app.js").write_bytes(b"x" * 1000)
    with harness.StaticServer(str(tmp_path), compress=False) as server:
        headers, body = get(server.url + "app.js", "gzip")
    assert headers["Content-Encoding"] is None and body == b"x" * 1000


def test_unchanged_file_is_not_sent_again(site):
    server, _ = site
    headers, _ = get(server.url + "app.js", "gzip")
    request = urllib.request.Request(server.url + "app.js", headers={
        "Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    assert answer.value.code == 304
