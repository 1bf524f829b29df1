"""The summary as an HTML table: what a notebook shows for a summary object
(``_repr_html_``) and the table of ``paramscope report``.

Every text from the model (names, classes, shapes, warnings) is escaped; numbers carry
``data-value`` attributes with the exact integers (the browser tests read them back).

>>> from paramscope.keras import Sequential, layers
>>> from paramscope.summary import summarize
>>> html = render(summarize(Sequential([layers.Input((2,)), layers.Dense(3)], name="m<1>")))
>>> "m&lt;1&gt;" in html, 'data-value="9"' in html
(True, True)
"""

from __future__ import annotations

from html import escape as _escape

from ..summary import ModelSummary
from .keras3 import plain_rows, readable_memory_size, totals

CSS = """
table.paramscope-summary { border-collapse: collapse; font-family: ui-monospace, Menlo,
  Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
table.paramscope-summary th, table.paramscope-summary td { padding: 3px 10px;
  border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
table.paramscope-summary th { border-bottom: 2px solid #555; }
table.paramscope-summary td.num, table.paramscope-summary th.num { text-align: right; }
table.paramscope-summary .cls { color: #b5651d; }
table.paramscope-summary tr.nested td:first-child { color: #555; }
table.paramscope-summary tfoot td { border-bottom: none; font-weight: bold; }
"""

_COLUMN_KEYS = {"Layer (type)": "layer", "Output Shape": "shape", "Param #": "params",
                "Connected to": "connected", "Trainable": "trainable"}


def escape(text) -> str:
    """HTML-escape ``text`` (quotes too); characters HTML cannot hold become U+FFFD."""
    text = str(text)
    if any(ord(c) < 32 and c not in "\t\n" or 0x7f <= ord(c) <= 0x9f for c in text):
        text = "".join("\ufffd" if (ord(c) < 32 and c not in "\t\n") or 0x7f <= ord(c) <= 0x9f
                       else c for c in text)
    return _escape(text, quote=True)


def _name_cell(row, level):
    indent = f' style="padding-left:{10 + 18 * level}px"' if level else ""
    mark = "└ " if level else ""
    return (f'<td class="layer"{indent}>{mark}{escape(row.name)} '
            f'(<span class="cls">{escape(row.class_name)}</span>)</td>')


def table_parts(summary: ModelSummary, expand_nested=True, show_trainable=False):
    """``(thead, rows, tfoot)``: the header row's HTML, ``(level, LayerSummary, <tr> HTML)``
    per row of the table, and the totals' rows' HTML."""
    header, align, rows = plain_rows(summary, expand_nested, show_trainable)
    head = "".join(f'<th class="{"num" if a == "right" else _COLUMN_KEYS.get(h, "")}">'
                   f"{escape(h)}</th>" for h, a in zip(header, align))
    body = []
    for level, row, texts in rows:
        cells = [_name_cell(row, level)]
        for h, text in zip(header[1:], texts[1:]):
            key = _COLUMN_KEYS.get(h, "")
            if key == "params":
                cells.append(f'<td class="num params" data-value="{row.params}">'
                             f"{escape(text)}</td>")
            else:
                cells.append(f'<td class="{key}">{escape(text)}</td>')
        body.append((level, row, f'<tr class="{"nested" if level else "layer"}" '
                                 f'data-level="{level}" data-name="{escape(row.name)}">'
                                 f'{"".join(cells)}</tr>'))
    foot = "".join(
        f'<tr class="total" data-total="{escape(label)}"><td colspan="2">{escape(label)}:</td>'
        f'<td class="num" data-value="{count}">{count:,}</td>'
        f'<td colspan="{max(len(header) - 3, 1)}">{escape(readable_memory_size(size))}</td></tr>'
        for label, count, size in totals(summary))
    return f"<tr>{head}</tr>", body, foot


def table(summary: ModelSummary, expand_nested=True, show_trainable=False) -> str:
    """The ``<table>``: Keras 3's columns, one row per layer (nested layers indented)."""
    head, body, foot = table_parts(summary, expand_nested, show_trainable)
    return (f'<table class="paramscope-summary" data-model="{escape(summary.name)}">'
            f"<thead>{head}</thead><tbody>{''.join(tr for _, _, tr in body)}</tbody>"
            f"<tfoot>{foot}</tfoot></table>")


def render(summary: ModelSummary, expand_nested=False, show_trainable=False) -> str:
    """A fragment for a notebook: the title, the table and the warnings, styled inline."""
    warnings = "".join(f"<li>{escape(w)}</li>" for w in summary.warnings)
    return (f'<div class="paramscope"><style>{CSS}</style>'
            f'<p><b>Model: "{escape(summary.name)}"</b></p>'
            f"{table(summary, expand_nested, show_trainable)}"
            + (f'<ul class="warnings">{warnings}</ul>' if warnings else "") + "</div>")
