"""Parsers for the Markdown and CSV outputs (the tests read them back) and the Keras-recorded
model files they are checked on."""

import csv
import gzip
import io
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "..", "golden", "files")
KERAS3_FILES = sorted(f for f in os.listdir(os.path.join(FILES, "keras3"))
                      if not f.endswith(".gz"))


def keras_truth(name, folder="keras3"):
    """What real Keras printed for the file (tools/make_files.py): its ``loaded`` record."""
    path = os.path.join(FILES, folder, name + ".expected.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)["loaded"]


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


_UNESCAPE = re.compile(r"\\(.)")


def _cell(text):
    text = _UNESCAPE.sub(r"\1", text.strip())
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _split_row(line):
    """Cells of a GFM table row: split on ``|`` not escaped by a backslash."""
    inner = line.strip()[1:-1]
    return [_cell(c) for c in re.split(r"(?<!\\)\|", inner)]


def parse_markdown(text):
    """``{"title", "header", "rows", "totals": {label: (count, size)}, "warnings"}``."""
    lines = text.splitlines()
    table = [line for line in lines if line.startswith("|")]
    header = _split_row(table[0])
    assert all(set(c) <= set(":-") for c in _split_row(table[1]))
    rows = [dict(zip(header, _split_row(line))) for line in table[2:]]
    totals, warnings = {}, []
    for line in lines:
        m = re.match(r"- \*\*(.+?):\*\* ([\d,]+) \((.+)\)$", line)
        if m:
            totals[m.group(1)] = (int(m.group(2).replace(",", "")), m.group(3))
        elif line.startswith("- **Warning:** "):
            warnings.append(_cell(line[len("- **Warning:** "):]))
    return {"title": lines[0], "header": header, "rows": rows, "totals": totals,
            "warnings": warnings}
