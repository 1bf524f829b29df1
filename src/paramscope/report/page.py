"""``paramscope report MODEL -o report.html``: one self-contained HTML page.

Inline CSS and SVG only: no script, no font, no image or style sheet fetched; the page opens
offline.  It holds the model's name and headline numbers, the Keras summary as a table, bar
charts of parameters (and MACs) per layer (the largest layers, the rest as one bar), the
memory breakdown, the diagram (:mod:`paramscope.diagram`), each layer's arithmetic
(collapsible) and the warnings.  MACs and memory come from ``paramscope.profile`` when this
paramscope has it (:func:`paramscope.web.profile_available`); without it the page says so.

A model of more than :data:`~.blocks.LARGE_MODEL` layers is shown by block: the table and
the arithmetic as one collapsible section per block, the diagram with one box per block
(``paramscope plot`` draws every layer).  Everything from the model is HTML-escaped.
"""

from __future__ import annotations

from .. import __version__
from . import blocks as blocks_module
from .charts import bar_chart, top_items
from .explain_words import all_words
from .html import CSS as TABLE_CSS
from .html import escape, table, table_parts
from .keras3 import readable_memory_size

TOP_LAYERS = 15
EXTENSIONS = (".html", ".htm")


def check_extension(path):
    """``paramscope report`` writes HTML: a file named ``.html`` or ``.htm``."""
    import os
    from ..errors import ParamscopeError
    extension = os.path.splitext(str(path))[1].lower()
    if extension not in EXTENSIONS:
        raise ParamscopeError(
            f"{path}: paramscope report writes one HTML page (.html), not "
            f"'{extension or 'a file without extension'}'; name the file report.html (for a "
            "diagram alone: paramscope plot -o model.svg; for a table: paramscope summary "
            "--format markdown|csv|json)")

PAGE_CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px;
  color: #1f2328; max-width: 1400px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 32px;
  border-bottom: 1px solid #ddd; padding-bottom: 4px; }
dl.headline { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
dl.headline div { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 150px; }
dl.headline dt { font-size: 12px; color: #555; } dl.headline dd { margin: 2px 0 0 0;
  font-size: 18px; font-weight: 600; }
dl.headline dd small { font-size: 12px; font-weight: normal; color: #555; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.chart-box { overflow-x: auto; max-width: 100%; }
svg.chart rect.bar { fill: #1565c0; } svg.chart rect.bar.other { fill: #90a4ae; }
svg.chart text { font-size: 11px; fill: #1f2328; }
.diagram { overflow: auto; max-height: 900px; border: 1px solid #ddd; padding: 8px; }
details { margin: 2px 0; } details > summary { cursor: pointer; }
details pre { margin: 4px 0 8px 18px; font-size: 12px; white-space: pre-wrap; }
.note { color: #555; font-size: 13px; }
ul.warnings li { color: #8a4b00; }
"""


def _headline(summary, profile):
    items = [("total_params", "Params", f"{summary.total_params:,}",
              readable_memory_size(summary.total_bytes), summary.total_params),
             ("trainable_params", "Trainable", f"{summary.trainable_params:,}",
              readable_memory_size(summary.trainable_bytes), summary.trainable_params),
             ("non_trainable_params", "Non-trainable", f"{summary.non_trainable_params:,}",
              readable_memory_size(summary.non_trainable_bytes), summary.non_trainable_params),
             ("total_bytes", "Weights size", readable_memory_size(summary.total_bytes), "",
              summary.total_bytes)]
    if profile and "error" not in profile:
        memory = profile.get("memory") or {}
        batch = profile.get("batch_size")
        macs = profile.get("macs")
        training = memory.get("training_bytes")
        items += [("macs", "MACs per sample", "?" if macs is None else f"{macs:,}",
                   "", macs),
                  ("training_bytes", f"Training memory (batch {batch}, "
                   f"{memory.get('optimizer_class') or memory.get('optimizer', '?')})",
                   "?" if training is None else readable_memory_size(training), "estimate",
                   training)]
    out = []
    for key, label, value, note, exact in items:
        small = f" <small>{escape(note)}</small>" if note else ""
        out.append(f'<div data-key="{key}" data-value="{"" if exact is None else exact}">'
                   f"<dt>{escape(label)}</dt><dd>{escape(value)}{small}</dd></div>")
    return f'<dl class="headline">{"".join(out)}</dl>'


def _rows_by_top_level(body):
    """The ``<tr>`` of each top-level layer with its nested layers' after it."""
    by_top, top = [], -1
    for level, row, tr in body:
        if level == 0:
            top += 1
            by_top.append([])
        by_top[top].append(tr)
    return by_top


def _table_section(summary, blocks):
    if blocks is None:
        return table(summary, expand_nested=True)
    head, body, foot = table_parts(summary, expand_nested=True)
    model = escape(summary.name)
    by_top = _rows_by_top_level(body)
    parts = []
    for block in blocks:
        params = sum(summary.layers[i].params for i in block.members)
        rows = "".join(tr for i in block.members for tr in by_top[i])
        parts.append(f'<details class="block" data-block="{escape(block.name)}"><summary>'
                     f"{escape(block.name)}: {len(block.members)} layers, {params:,} params"
                     f"</summary><table class=\"paramscope-summary\" data-model=\"{model}\">"
                     f"<thead>{head}</thead><tbody>{rows}</tbody></table></details>")
    return (f'<p class="note">{len(summary.layers):,} layers in {len(blocks)} blocks; open a '
            f"block to see its layers.</p>{''.join(parts)}"
            f'<table class="paramscope-summary totals"><tfoot>{foot}</tfoot></table>')


def _charts(summary, profile):
    params = top_items([(row.name, row.params) for row in summary.layers], TOP_LAYERS)
    out = ['<div class="charts"><div class="chart-box"><h3>Parameters per layer</h3>'
           f"{bar_chart(params, 'params', 'params')}</div>"]
    if profile and "error" not in profile:
        macs = top_items([(row.get("name"), row.get("macs")) for row in profile.get("layers", [])],
                         TOP_LAYERS)
        out.append(f"<div class=\"chart-box\"><h3>MACs per layer (per sample)</h3>"
                   f"{bar_chart(macs, 'macs', 'MACs')}</div>")
        memory = profile.get("memory") or {}
        parts = [(name, memory.get(key)) for name, key in (
            ("weights", "weights_bytes"), ("gradients", "gradients_bytes"),
            ("optimizer", "optimizer_bytes"), ("activations", "activations_bytes"))]
        if all(value is not None for _, value in parts):
            out.append(f"<div class=\"chart-box\"><h3>Training memory (bytes, batch "
                       f"{escape(profile.get('batch_size'))})</h3>"
                       f"{bar_chart(parts, 'memory', 'bytes')}</div>")
    out.append("</div>")
    if profile and "error" not in profile and profile.get("macs") is None:
        out.append('<p class="note">Some MACs and memory figures are unknown: a dimension of '
                   "the model's input is None (<code>paramscope profile --input-shape</code> "
                   "sets it).</p>")
    if not profile:
        out.append('<p class="note">MACs and memory: this paramscope has no '
                   "<code>paramscope.profile</code>; the page shows them when it does.</p>")
    elif "error" in profile:
        out.append(f'<p class="note">MACs and memory: {escape(profile["error"])}</p>')
    return "".join(out)


def _diagram(model, summary, blocks, rankdir):
    if blocks is not None:
        svg = blocks_module.render_block_diagram(summary, blocks, rankdir)
        note = ("One box per block; <code>paramscope plot</code> draws every layer.")
    else:
        from ..diagram.from_model import Options
        from ..diagram.plot import render_model
        svg = render_model(model, "svg", rankdir, Options(show_shapes=True, show_params=True),
                           summary=summary)
        note = ""
    return (f'<p class="note">{note}</p>' if note else "") + f'<div class="diagram">{svg}</div>'


def _arithmetic_item(row):
    lines = all_words(list(row.explain or [f"{row.name}: no weights = 0"])
                      + list(row.explain_output))
    if not row.built:
        lines = [f"{row.name}: not built (no input shape yet) = 0"]
    return (f'<details class="arithmetic" data-name="{escape(row.name)}"><summary>'
            f"{escape(row.name)} ({escape(row.class_name)}): {row.params:,} params</summary>"
            f"<pre>{escape(chr(10).join(lines))}</pre></details>")


def _arithmetic(summary, blocks):
    if blocks is None:
        return "".join(_arithmetic_item(row) for row in summary.layers)
    return "".join(
        f"<details><summary>{escape(block.name)}</summary>"
        + "".join(_arithmetic_item(summary.layers[i]) for i in block.members) + "</details>"
        for block in blocks)


def profile_of(model, batch_size, optimizer):
    """The profile's JSON dict (``None`` when this paramscope has no profile, ``{"error"}``
    when the profile cannot be made for this model)."""
    from ..errors import ParamscopeError
    from ..web import profile_available, profile_figures
    if not profile_available():
        return None
    try:
        return profile_figures(model, batch_size, optimizer)
    except ParamscopeError as e:
        return {"error": str(e)}


def render(model, batch_size=1, optimizer=None, rankdir="TB") -> str:
    """The whole page for ``model``."""
    from ..summary import summarize
    summary = summarize(model, with_explain=True)
    profile = profile_of(model, batch_size, optimizer)
    blocks = None
    if len(summary.layers) > blocks_module.LARGE_MODEL:
        blocks = blocks_module.group_names([(r.name, r.class_name) for r in summary.layers])
    warnings = "".join(f"<li>{escape(w)}</li>" for w in summary.warnings)
    name = escape(summary.name)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"generator\" content=\"paramscope {__version__}\">"
        f"<title>{name}: paramscope report</title><style>{PAGE_CSS}{TABLE_CSS}</style></head>"
        f"<body><h1>Model: &quot;{name}&quot; <small>({escape(summary.class_name)})</small></h1>"
        f"{_headline(summary, profile)}"
        f"<h2>Summary</h2>{_table_section(summary, blocks)}"
        f"<h2>Where the parameters{' and the compute' if profile else ''} are</h2>"
        f"{_charts(summary, profile)}"
        f"<h2>Diagram</h2>{_diagram(model, summary, blocks, rankdir)}"
        f"<h2>Arithmetic</h2>{_arithmetic(summary, blocks)}"
        f"<h2>Warnings</h2>"
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "<p class=\"note\">None.</p>")
        + "</body></html>\n")
