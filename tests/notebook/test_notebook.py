"""In a real Jupyter kernel (nbclient + ipykernel): a summary object is shown as an HTML
table whose numbers are the JSON's; its Markdown is there too; ``model.summary()`` prints
Keras's table at the width Keras's rich console has in a notebook (115 columns); a diagram
is shown as SVG.  The notebook is written here and executed; nothing is mocked."""

import json
import os
from html.parser import HTMLParser

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")
pytest.importorskip("ipykernel", reason="ipykernel is in the test extra")

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "artifacts", "notebook")

CELLS = [
    """import json
import paramscope
import paramscope.keras as keras
from paramscope.keras import layers
inner = keras.Sequential([keras.Input((8, 8, 4)), layers.Conv2D(6, 3, name="inner_conv"),
                          layers.BatchNormalization(name="inner_bn")], name="inner")
x = keras.Input((10, 10, 3), name="image")
h = layers.Conv2D(4, 3, name="stem")(x)
h = inner(h)
h = layers.Flatten()(h)
model = keras.Model(x, [layers.Dense(5, name="a")(h), layers.Dense(2, name="b")(h)],
                    name="cnn_<notebook>")
summary = paramscope.summarize(model)
summary""",
    """from paramscope.report import json as json_report
print(json.dumps(json_report.to_dict(summary)))""",
    "model.summary()",
    """paramscope.plot_model(model, to_file="diagram.svg", show_shapes=True)""",
    """profile = paramscope.profile(model, batch_size=4)
profile""",
    """print(json.dumps(profile.to_dict()))""",
]


class _Table(HTMLParser):
    """Rows of the summary table: {name: params} and the totals, from data-* attributes."""

    def __init__(self):
        super().__init__()
        self.rows, self.totals, self._row = [], {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-name" in attrs:
            self._row = ("row", attrs["data-name"], int(attrs["data-level"]))
        elif tag == "tr" and "data-total" in attrs:
            self._row = ("total", attrs["data-total"], 0)
        elif tag == "td" and "data-value" in attrs and self._row:
            kind, name, level = self._row
            if kind == "row":
                self.rows.append((name, level, int(attrs["data-value"])))
            else:
                self.totals[name] = int(attrs["data-value"])


def _flatten(layers, level=0):
    for layer in layers:
        yield layer["name"], level, layer["params"]
        yield from _flatten(layer.get("layers", []), level + 1)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    work = tmp_path_factory.mktemp("notebook")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code) for code in CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    env_columns = os.environ.pop("COLUMNS", None)
    try:
        client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                         resources={"metadata": {"path": str(work)}})
        client.execute()
    finally:
        if env_columns is not None:
            os.environ["COLUMNS"] = env_columns
    os.makedirs(ARTIFACTS, exist_ok=True)
    nbformat.write(nb, os.path.join(ARTIFACTS, "summary.ipynb"))
    return nb, work


def _outputs(nb, index):
    return nb.cells[index]["outputs"]


def test_summary_object_is_an_html_table_with_the_jsons_numbers(executed):
    nb, _ = executed
    result = [o for o in _outputs(nb, 0) if o["output_type"] == "execute_result"]
    assert len(result) == 1
    bundle = result[0]["data"]
    assert "text/html" in bundle and "text/markdown" in bundle
    data = json.loads("".join(o["text"] for o in _outputs(nb, 1) if o["output_type"] == "stream"))
    table = _Table()
    table.feed(bundle["text/html"])
    assert table.rows == list(_flatten(data["layers"]))
    assert table.totals == {"Total params": data["total_params"],
                            "Trainable params": data["trainable_params"],
                            "Non-trainable params": data["non_trainable_params"]}
    assert "cnn_&lt;notebook&gt;" in bundle["text/html"] and "<notebook>" not in bundle["text/html"]
    assert f"{data['total_params']:,}" in bundle["text/markdown"]


def test_model_summary_prints_what_keras_prints(executed):
    nb, _ = executed
    from paramscope import backend_config, naming
    naming.clear_session()                   # the same code, outside the kernel
    backend_config.reset()
    namespace = {}
    exec(CELLS[0].rsplit("\nsummary", 1)[0], namespace)
    from paramscope.report import keras3
    from paramscope.summary import summarize
    expected = keras3.render(summarize(namespace["model"]), console_width=115, columns=80)
    printed = "".join(o["text"] for o in _outputs(nb, 2) if o["output_type"] == "stream")
    assert printed == expected
    assert "Total params:" in printed


def test_diagram_is_svg(executed):
    nb, work = executed
    result = [o for o in _outputs(nb, 3) if o["output_type"] == "execute_result"][0]
    svg = result["data"]["image/svg+xml"]
    assert svg.lstrip().startswith("<svg") or svg.lstrip().startswith("<?xml")
    with open(os.path.join(work, "diagram.svg"), encoding="utf-8") as f:
        assert f.read().strip() == svg.strip()


class _ProfileTable(HTMLParser):
    """{name: (params, macs)} from the profile table's rows' data-* attributes."""

    def __init__(self):
        super().__init__()
        self.rows = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-name" in attrs:
            macs = attrs["data-macs"]
            self.rows[attrs["data-name"]] = (int(attrs["data-params"]),
                                             int(macs) if macs else None)


def test_profile_object_is_an_html_table_with_the_jsons_numbers(executed):
    nb, _ = executed
    result = [o for o in _outputs(nb, 4) if o["output_type"] == "execute_result"]
    bundle = result[0]["data"]
    assert "text/html" in bundle and "text/markdown" in bundle
    data = json.loads("".join(o["text"] for o in _outputs(nb, 5) if o["output_type"] == "stream"))
    table = _ProfileTable()
    table.feed(bundle["text/html"])
    assert table.rows == {layer["name"]: (layer["params"], layer["macs"])
                          for layer in data["layers"]}
    assert "Total MACs: " in bundle["text/html"] and "batch of 4" in bundle["text/html"]
    assert "- Total MACs: " in bundle["text/markdown"]
