"""``profile`` and ``diff`` as Markdown (GitHub tables, for READMEs and pull requests) and
CSV (one row per layer, a header, exact integers): the same figures as their JSON.

Profile CSV columns: ``name``, ``class_name``, ``parent``, ``output_shape``, ``params``,
``macs`` (per sample; empty when unknown), ``activation_bytes`` (for the batch; empty when
unknown), ``macs_share`` (the layer's share of the model's MACs, 0 to 1; empty when
unknown).  Diff CSV columns: ``status`` (``same``, ``changed``, ``added``, ``removed``),
``name_a``, ``class_a``, ``output_shape_a``, ``params_a``, ``macs_a``, then the same for B.
"""

from __future__ import annotations

from . import csv as csv_report
from . import markdown
from .keras3 import readable_memory_size
from .profile import footer_lines, human, macs_share, memory_text

PROFILE_HEADER = ("name", "class_name", "parent", "output_shape", "params", "macs",
                  "activation_bytes", "macs_share")
DIFF_HEADER = ("status", "name_a", "class_a", "output_shape_a", "params_a", "macs_a",
               "name_b", "class_b", "output_shape_b", "params_b", "macs_b")


def _walk(rows, expand_nested, parent="", level=0):
    for row in rows:
        yield level, parent, row
        if expand_nested and row.layers:
            yield from _walk(row.layers, True, row.name, level + 1)


def _times(value, batch_size):
    return None if value is None else value * batch_size


def _empty_if_none(value):
    return "" if value is None else value


def profile_csv(p, expand_nested=False) -> str:
    rows = []
    for _, parent, row in _walk(p.summary.layers, expand_nested):
        share = None if row.macs is None or not p.macs else row.macs / p.macs
        rows.append([csv_report.text_cell(row.name), csv_report.text_cell(row.class_name),
                     csv_report.text_cell(parent), csv_report.shape_text(row.output_shape),
                     row.params, _empty_if_none(row.macs),
                     _empty_if_none(_times(row.activation_bytes, p.batch_size)),
                     "" if share is None else f"{share:.6f}"])
    return csv_report.write(PROFILE_HEADER, rows)


def profile_markdown(p, expand_nested=False) -> str:
    summary = p.summary
    header = ["Layer (type)", "Output Shape", "Param #", "MACs",
              f"Activations (batch {p.batch_size})", "% MACs"]
    align = ["left", "left", "right", "right", "right", "right"]
    cells = []
    for level, _, row in _walk(summary.layers, expand_nested):
        name = f"{row.name} ({row.class_name})"
        if level:
            name = markdown.NESTED_INDENT * (level - 1) + "└ " + name
        cells.append([name, csv_report.shape_text(row.output_shape), f"{row.params:,}",
                      human(row.macs), memory_text(_times(row.activation_bytes, p.batch_size)),
                      macs_share(row.macs, p.macs)])
    out = [f'**Model: "{markdown.escape(summary.name)}"**', ""]
    out += markdown.table(header, align, cells)
    out.append("")
    out.append(f"- **Total params:** {summary.total_params:,} "
               f"({readable_memory_size(summary.total_bytes)})")
    out += ["- " + markdown.escape(line.strip()) for line in footer_lines(p) if line.strip()]
    for text in summary.warnings:
        out.append(f"- **Warning:** {markdown.escape(text)}")
    return "\n".join(out) + "\n"


def diff_csv(d) -> str:
    rows = []
    for row in d.rows:
        rows.append([row.status,
                     csv_report.text_cell(row.name_a or ""), csv_report.text_cell(row.class_a or ""),
                     "" if row.shape_a is None else csv_report.shape_text(row.shape_a),
                     _empty_if_none(row.params_a), _empty_if_none(row.macs_a),
                     csv_report.text_cell(row.name_b or ""), csv_report.text_cell(row.class_b or ""),
                     "" if row.shape_b is None else csv_report.shape_text(row.shape_b),
                     _empty_if_none(row.params_b), _empty_if_none(row.macs_b)])
    return csv_report.write(DIFF_HEADER, rows)


def _html_table(caption, header, rows, data_rows, notes):
    """A ``<table>`` in the summary table's style (report/html.py's CSS): ``rows`` are
    cell texts, ``data_rows`` the ``data-*`` attributes of each ``<tr>`` (exact numbers)."""
    from .html import CSS, escape
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr " + " ".join(f'data-{k}="{escape("" if v is None else v)}"' for k, v in data.items())
        + ">" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
        for cells, data in zip(rows, data_rows))
    items = "".join(f"<li>{escape(n)}</li>" for n in notes)
    return (f'<div class="paramscope"><style>{CSS}</style><p><b>{escape(caption)}</b></p>'
            f'<table class="paramscope-summary"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table><ul>{items}</ul></div>")


def profile_html(p) -> str:
    """A notebook's display of a profile: its table (data-macs, data-params per row) and
    the footer's figures."""
    rows, data = [], []
    for _, _, row in _walk(p.summary.layers, False):
        rows.append([f"{row.name} ({row.class_name})", csv_report.shape_text(row.output_shape),
                     f"{row.params:,}", human(row.macs),
                     memory_text(_times(row.activation_bytes, p.batch_size)),
                     macs_share(row.macs, p.macs)])
        data.append({"name": row.name, "params": row.params, "macs": row.macs})
    header = ["Layer (type)", "Output Shape", "Param #", "MACs",
              f"Activations (batch {p.batch_size})", "% MACs"]
    notes = [line.strip() for line in footer_lines(p) if line.strip()]
    return _html_table(f'Model: "{p.summary.name}"', header, rows, data, notes)


def diff_html(d) -> str:
    from .diff import total_lines
    rows, data = [], []
    for row in d.rows:
        rows.append([row.status, row.name_a or "", row.name_b or "",
                     "" if row.params_a is None else f"{row.params_a:,}",
                     "" if row.params_b is None else f"{row.params_b:,}",
                     human(row.macs_a) if row.name_a else "",
                     human(row.macs_b) if row.name_b else ""])
        data.append({"status": row.status, "params-a": row.params_a, "params-b": row.params_b})
    header = ["Change", "Layer in A", "Layer in B", "Params A", "Params B", "MACs A", "MACs B"]
    return _html_table(f'Diff: "{d.name_a}" -> "{d.name_b}"', header, rows, data, total_lines(d))
