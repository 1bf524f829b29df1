"""The published-vs-computed table (tests/golden/costs/published.json) of tools/make_costs.py.

For every entry of tools/cases/costs_published.py: the MACs computed in Keras (costs_rules) for
the keras.applications model at the paper's resolution, the parameter count, and the relative
difference to the published multiply-add count.  A difference over 2% must come with the
entry's one-sentence explanation (the run fails otherwise).  Plain JSON (small, sorted keys).
"""

import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
THRESHOLD = 0.02


def load_entries():
    spec = importlib.util.spec_from_file_location(
        "costs_published_cases", os.path.join(HERE, "cases", "costs_published.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.PUBLISHED


def _row(entry, record):
    published = entry["published"]
    macs = record["macs"]
    row = {k: entry.get(k) for k in ("model", "resolution", "as_published", "counts", "paper",
                                     "source", "note")}
    row.update({"kwargs": record["application"]["kwargs"], "id": record["id"],
                "published": None if published is None else int(published),
                "computed_macs": macs, "params": record["params"]})
    row["difference"] = None
    if published is not None and macs is not None:
        row["difference"] = round(macs / published - 1, 4)
        if abs(macs / published - 1) > THRESHOLD:
            if not entry.get("explanation"):
                raise SystemExit(f"published: {entry['model']} {entry['kwargs']} differs by "
                                 f"{row['difference']:+.1%} and has no explanation")
            row["explanation"] = entry["explanation"]
    return {k: v for k, v in row.items() if v is not None or k in ("published", "difference")}


def build(run, data):
    """The table; reuses the MACs fixture's records of the same model and kwargs."""
    known = {}
    for record in data["models"]:
        app = record.get("application")
        if app:
            known[(app["function"], json.dumps(app["kwargs"], sort_keys=True))] = record
    rows = []
    for entry in load_entries():
        key = (entry["model"], json.dumps(_jsonable_kwargs(entry["kwargs"]), sort_keys=True))
        record = known.get(key) or run.application(entry["model"], entry["kwargs"])
        rows.append(_row(entry, record))
    return {"generator": "tools/make_costs.py v1 (costs_published)", "threshold": THRESHOLD,
            "rows": rows}


def _jsonable_kwargs(kwargs):
    return {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()}


def report(table):
    print(f"{'model':<28}{'res':>5}{'published':>12}{'computed':>12}{'diff':>8}")
    for row in table["rows"]:
        pub = "-" if row["published"] is None else f"{row['published'] / 1e9:.3f}G"
        diff = "" if row["difference"] is None else f"{row['difference']:+.1%}"
        label = row["model"] + "".join(f" {k}={v}" for k, v in row["kwargs"].items()
                                       if k != "input_shape")
        print(f"{label:<28}{row['resolution']:>5}{pub:>12}{row['computed_macs'] / 1e9:>11.3f}G"
              f"{diff:>8}")


def write(table, path):
    text = json.dumps(table, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path} ({len(text)} bytes)")


def markdown(table):
    """The table as Markdown (for tests/golden/costs/README.md and the project README)."""
    lines = ["| model | input | published | computed MACs | difference | explanation / note |",
             "|---|---|---|---|---|---|"]
    for row in table["rows"]:
        label = row["model"] + "".join(f" {k}={v}" for k, v in row["kwargs"].items()
                                       if k != "input_shape")
        paper = row["paper"]
        cite = f"{row['as_published']} (arXiv {paper['arxiv']}" + (
            f", {paper['table']})" if paper.get("table") else ")") if row["published"] else "-"
        diff = "" if row["difference"] is None else f"{row['difference']:+.1%}"
        text = row.get("explanation") or row.get("note") or ""
        lines.append(f"| {label} | {row['resolution']} | {cite} | {_human(row['computed_macs'])} "
                     f"| {diff} | {text} |")
    return "\n".join(lines) + "\n"


def _human(n):
    return f"{n / 1e9:.2f} G" if n >= 1e9 else f"{n / 1e6:.1f} M"
