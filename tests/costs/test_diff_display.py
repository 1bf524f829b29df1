"""A diff object in a notebook: an HTML table and Markdown, with the diff's own numbers."""

from html.parser import HTMLParser

import paramscope
import paramscope.keras as keras
from paramscope.keras import layers


def _model(padding):
    return keras.Sequential([keras.Input((20, 20, 3)),
                             layers.Conv2D(2, 3, activation="relu", padding=padding),
                             layers.Conv2D(3, 3, activation="relu", padding=padding),
                             layers.Flatten(), layers.Dense(2, activation="softmax")])


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-status" in attrs:
            self.rows.append((attrs["data-status"], attrs["data-params-a"],
                              attrs["data-params-b"]))


def test_diff_displays_as_html_and_markdown():
    d = paramscope.diff(_model("valid"), _model("same"))
    parser = _Rows()
    parser.feed(d._repr_html_())
    assert parser.rows == [(r.status, str(r.params_a), str(r.params_b)) for r in d.rows]
    assert "Total params: 1,651 -&gt; 2,515 (+864, +52.3%)" in d._repr_html_()  # escaped
    assert "Total params: 1,651 -> 2,515" in d._repr_markdown_()
