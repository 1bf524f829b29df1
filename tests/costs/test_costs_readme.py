"""The README's table of published multiply-add counts is what paramscope computes.

The table between the ``<!-- costs-published -->`` markers of README.md is rendered here from
tests/golden/costs/published.json (the papers' figures, made by tools/make_costs.py) and
paramscope's own MACs of each model; ``python tests/costs/test_costs_readme.py`` prints it."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from conftest import GOLDEN  # noqa: E402
from costs_cases import BY_ID, costs_of  # noqa: E402
from paramscope.report.profile import human  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
START, END = "<!-- costs-published -->", "<!-- /costs-published -->"


def published():
    with open(os.path.join(GOLDEN, "costs", "published.json"), encoding="utf-8") as f:
        return json.load(f)


def _label(row):
    extra = " ".join(f"{k}={v}" for k, v in row["kwargs"].items() if k != "input_shape")
    return f"{row['model']} {extra}".strip()


def render_table():
    data = published()
    lines = ["| model | input | published (paper) | paramscope MACs | difference | note |",
             "|---|---|---|---|---|---|"]
    for row in data["rows"]:
        macs = costs_of(row["id"]).macs
        if row["published"] is None:
            figure, difference = "-", ""
        else:
            figure = f"{row['as_published']} (arXiv {row['paper']['arxiv']})"
            difference = f"{100 * (macs / row['published'] - 1):+.1f}%".replace("-0.0%", "0.0%")
        note = row.get("explanation") or ("" if row["published"] else row.get("note", ""))
        lines.append(f"| {_label(row)} | {row['resolution']} | {figure} | {human(macs)} | "
                     f"{difference} | {note} |")
    return "\n".join(lines)


def readme_table():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_readme_table_is_what_paramscope_computes():
    assert readme_table() == render_table()


def test_published_rows_match_keras_and_explain_gaps():
    data = published()
    for row in data["rows"]:
        macs = costs_of(row["id"]).macs
        assert macs == row["computed_macs"] == BY_ID[row["id"]]["macs"], row["id"]
        if row["published"] and abs(macs / row["published"] - 1) > data["threshold"]:
            assert row.get("explanation"), row["model"]


if __name__ == "__main__":
    print(render_table())
