"""The table of many model files (``paramscope summary DIR``): text, JSON, CSV, Markdown.

Reads the :class:`~paramscope.batch.FileRow` list; every renderer has the same columns:
path, model name, params (Keras's Total params), trainable, non-trainable, weights size,
MACs per sample (``-`` when unknown or when this paramscope has no profile) and the status
(``ok``, or ``error: `` and the file's one-line error).
"""

from __future__ import annotations

import json

from .. import __version__
from ..batch import FORMAT_VERSION, safe_text
from . import csv as csv_report
from . import markdown
from .keras3 import readable_memory_size

HEADER = ["Path", "Model", "Params", "Trainable", "Non-trainable", "Weights", "MACs", "Status"]
ALIGN = ["left", "left", "right", "right", "right", "right", "right", "left"]
CSV_HEADER = ("path", "name", "class_name", "total_params", "trainable_params",
              "non_trainable_params", "total_bytes", "macs", "status", "error")


def _number(value) -> str:
    return "-" if value is None else f"{value:,}"


def cells(row) -> list:
    """A file's row as the text and Markdown tables show it."""
    status = "ok" if row.error is None else f"error: {row.error}"
    size = "-" if row.total_bytes is None else readable_memory_size(row.total_bytes)
    return [row.path, row.name if row.name is not None else "-", _number(row.total_params),
            _number(row.trainable_params), _number(row.non_trainable_params), size,
            _number(row.macs), status]


def footer(rows) -> str:
    failed = sum(1 for r in rows if r.error is not None)
    return (f"{len(rows)} file{'s' if len(rows) != 1 else ''}: {len(rows) - failed} ok, "
            f"{failed} failed")


def render_text(rows) -> str:
    table = [HEADER] + [[safe_text(c) for c in cells(r)] for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    out = []
    for line in table:
        parts = [c.rjust(w) if a == "right" else c.ljust(w)
                 for c, w, a in zip(line, widths, ALIGN)]
        out.append("  ".join(parts).rstrip())
    rule = widths[:-1] + [len(HEADER[-1])]     # the status column's rule: its heading's width
    out.insert(1, "  ".join("-" * w for w in rule))
    return "\n".join(out + ["", footer(rows)]) + "\n"


def to_dict(rows) -> dict:
    failed = sum(1 for r in rows if r.error is not None)
    return {"format_version": FORMAT_VERSION, "paramscope_version": __version__,
            "files": [r.to_dict() for r in rows], "ok": len(rows) - failed, "failed": failed}


def render_json(rows) -> str:
    return json.dumps(to_dict(rows), indent=2) + "\n"


def render_csv(rows) -> str:
    def line(r):
        return [csv_report.text_cell(r.path), csv_report.text_cell(r.name or ""),
                csv_report.text_cell(r.class_name or ""),
                *("" if v is None else v for v in (r.total_params, r.trainable_params,
                                                    r.non_trainable_params, r.total_bytes,
                                                    r.macs)),
                r.status, csv_report.text_cell(r.error or "")]
    return csv_report.write(CSV_HEADER, (line(r) for r in rows))


def render_markdown(rows) -> str:
    lines = markdown.table(HEADER, ALIGN, [cells(r) for r in rows])
    return "\n".join(lines + ["", footer(rows)]) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "csv": render_csv,
             "markdown": render_markdown}
