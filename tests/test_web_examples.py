"""The web page's own examples (web/examples/*.py) summarise as real Keras 3.15 summarises them.

Golden: tests/golden/web/examples.json.gz, made by tools/make_golden.py from
tools/cases/web_examples.py (the example files as they are; see its docstring). Each example
runs unmodified through ``paramscope summary`` (the script runner the page uses); its JSON
and its printed table (terminal 200 columns wide, with and without --show-trainable) must be
what Keras recorded. The browser tests check that the page shows what the CLI prints.
"""

import json
import os

import pytest

from conftest import load_golden
from paramscope import cli

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "web", "examples")
GOLDEN = load_golden("web", "examples.json.gz")
CASES = {case["id"].split("/", 1)[1]: case for case in GOLDEN["cases"]}


def test_every_example_has_its_golden_case():
    files = sorted(n[:-3] for n in os.listdir(EXAMPLES) if n.endswith(".py"))
    assert files == sorted(CASES)
    for name, case in CASES.items():
        assert case["error"] is None, name
        with open(os.path.join(EXAMPLES, name + ".py"), encoding="utf-8") as f:
            code = f.read()
        # The case is the file as it is (imagenet weights aside: see tools/cases/web_examples.py).
        assert case["code"] == code.replace('weights="imagenet"', "weights=None")


def summary(capsys, monkeypatch, name, *options):
    monkeypatch.setenv("COLUMNS", "200")
    code = cli.main(["summary", os.path.join(EXAMPLES, name + ".py"), *options])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_example_json_is_keras(capsys, monkeypatch, name):
    expected = CASES[name]["model"]
    data = json.loads(summary(capsys, monkeypatch, name, "--format", "json"))
    assert data["name"] == expected["name"]
    for key in ("total_params", "trainable_params", "non_trainable_params", "total_bytes"):
        assert data[key] == expected[key], key
    assert [(l["name"], l["class_name"], l["output_shape"], l["params"], l["trainable_params"])
            for l in data["layers"]] == \
        [(l["name"], l["class_name"], l["output_shape"], l["params"], l["trainable_params"])
         for l in expected["layers"]]


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("variant,options", [("c200", ()), ("c200_trainable", ("--show-trainable",))])
def test_example_table_is_keras(capsys, monkeypatch, name, variant, options):
    assert summary(capsys, monkeypatch, name, *options) == CASES[name]["summaries"][variant]
