"""``--format markdown``: the summary as a GitHub-flavoured Markdown table, with the totals.

The columns are Keras 3's (``Layer (type)``, ``Output Shape``, ``Param #``, and ``Connected
to`` for a model that is not a chain; ``Trainable`` with ``--show-trainable``), the numbers
as Keras prints them (``1,234``).  Text from the model file is escaped: a ``|`` or a ``*`` in
a layer name stays text, a newline becomes a space, HTML is shown, not interpreted.

>>> from paramscope.keras import Sequential, layers
>>> from paramscope.summary import summarize
>>> print(render(summarize(Sequential([layers.Input((2,)), layers.Dense(3)], name="m"))))
**Model: "m"**
<BLANKLINE>
| Layer (type) | Output Shape | Param # |
| :--- | :--- | ---: |
| dense (Dense) | (None, 3) | 9 |
<BLANKLINE>
- **Total params:** 9 (36.00 B)
- **Trainable params:** 9 (36.00 B)
- **Non-trainable params:** 0 (0.00 B)
<BLANKLINE>
"""

from __future__ import annotations

import re

from ..summary import ModelSummary
from .keras3 import plain_rows, readable_memory_size, totals

_ALIGN = {"left": ":---", "right": "---:", "center": ":---:"}
_SPECIAL = re.compile(r"[\\`*\[\]|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NESTED_INDENT = "\u00a0\u00a0\u00a0"   # no-break spaces: Markdown keeps them


def escape(text) -> str:
    """``text`` as literal Markdown table-cell text (GitHub-flavoured)."""
    text = _CONTROL.sub(" ", str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def table(header, align, rows) -> list:
    """The lines of a Markdown table; ``rows`` are lists of cell texts (escaped here)."""
    out = ["| " + " | ".join(escape(h) for h in header) + " |",
           "| " + " | ".join(_ALIGN[a] for a in align) + " |"]
    out += ["| " + " | ".join(escape(c) for c in cells) + " |" for cells in rows]
    return out


def render(summary: ModelSummary, expand_nested=False, show_trainable=False) -> str:
    header, align, rows = plain_rows(summary, expand_nested, show_trainable)
    cells = []
    for level, _, texts in rows:
        if level:
            texts = [NESTED_INDENT * (level - 1) + "└ " + texts[0]] + texts[1:]
        cells.append(texts)
    out = [f'**Model: "{escape(summary.name)}"**', ""]
    out += table(header, align, cells)
    out.append("")
    out += [f"- **{label}:** {count:,} ({readable_memory_size(size)})"
            for label, count, size in totals(summary)]
    for text in summary.warnings:
        out.append(f"- **Warning:** {escape(text)}")
    return "\n".join(out) + "\n"
