#!/usr/bin/env python
"""Golden cost fixtures (issue 11) from REAL Keras: MACs, activation memory, optimizer state.

A developer tool run in the Keras 3 virtualenv (never imported by paramscope or its tests):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_costs.py            # all three files
    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_costs.py --only macs --dry-run

It writes, deterministically (sorted keys, compact JSON, gzip with mtime 0, PYTHONHASHSEED=0):

* ``tests/golden/costs/macs.json.gz``: every case of tools/golden_cases.py and tools/cases/*.py
  (tfkeras_only.py excepted; tools/cases/costs.py adds the cost-specific ones) that builds, and
  the keras.applications models of ``costs.APPLICATIONS``: per row (as summary_utils lists them,
  a nested model also with its own rows) the MACs and activation bytes per sample, the model's
  MACs, activation and input bytes.  The convention, and each decision where issue 11 leaves a
  case open, is the docstring of tools/costs_rules.py (the rules themselves) and
  tests/golden/costs/README.md.
* ``tests/golden/costs/optimizers.json.gz``: for the models of tools/cases/costs_optimizers.py,
  their weights by dtype and gradients, and for every optimizer spec there every variable Keras
  creates when the optimizer is built on ``model.trainable_variables`` (tools/costs_optimizers.py).
* ``tests/golden/costs/published.json``: the papers' multiply-add counts for keras.applications
  models (tools/cases/costs_published.py, each with its source) next to the MACs computed here at
  the paper's resolution, with the explanation of each difference over 2%.

Before writing, :func:`check_macs` verifies the fixture's internal consistency (rows sum to the
totals, a nested model's row is its calls times its own total, no negative figure) and the run
fails loudly otherwise.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
GENERATOR = "tools/make_costs.py v1"
FORMAT_VERSION = 1
OUT_DIR = os.path.join(ROOT, "tests", "golden", "costs")


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


mg = _load(os.path.join(HERE, "make_golden.py"), "make_golden")


def case_lists():
    """(source name, cases) of every Keras 3 case list, costs.py last."""
    lists = [("golden_cases", mg.load_cases())]
    case_dir = os.path.join(HERE, "cases")
    for fname in sorted(os.listdir(case_dir)):
        stem, ext = os.path.splitext(fname)
        if ext != ".py" or stem == "tfkeras_only" or stem.startswith("costs"):
            continue
        lists.append((stem, mg.load_cases(os.path.join(case_dir, fname))))
    lists.append(("costs", mg.load_cases(os.path.join(case_dir, "costs.py"))))
    return lists


# ---------------------------------------------------------------------------
# MACs fixture
# ---------------------------------------------------------------------------
class MacsRun:
    def __init__(self):
        mg._prepare_environment("keras3")
        self.rec = mg.Keras3Recorder()
        import keras
        import costs_rules
        self.keras = keras
        self.rules = costs_rules

    def reset(self):
        keras = self.keras
        keras.config.set_dtype_policy("float32")
        keras.config.set_floatx("float32")
        keras.config.set_image_data_format("channels_last")
        keras.backend.clear_session()

    def costs(self, model):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return self.rules.model_costs(model)

    def case(self, source, case):
        """Build the case with variables left uninitialized (only shapes matter here, and it
        avoids one XLA compilation per weight shape); if that raises, build it as
        make_golden.py does (some cases read weight values)."""
        lazy = lambda: self.keras.StatelessScope(initialize_variables=False)
        for scope in (lazy, self.rec.scope(case)):
            self.reset()
            try:
                ns, error, _ = mg._exec_case(case, self.keras, scope)
                if error is None:
                    with scope():
                        costs = self.costs(ns["model"])
                    return dict(costs, id=case["id"], source=source, code=case["code"]), None
            finally:
                self.reset()
        return None, f"{error['type']}: {error['message'][:160]}"

    def application(self, fn_name, kwargs):
        self.reset()
        fn = getattr(self.keras.applications, fn_name)
        with self.keras.StatelessScope(initialize_variables=False), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = fn(weights=None, **kwargs)
            costs = self.costs(model)
            params = model.count_params()
        self.reset()
        ident = fn_name + "".join(f"/{k}={_short(v)}" for k, v in sorted(kwargs.items()))
        return dict(costs, id="applications/" + ident, source="applications", params=params,
                    application={"function": fn_name, "kwargs": mg._jsonable(kwargs)})


def application_list():
    """costs.APPLICATIONS, then the published table's models at the papers' resolutions."""
    import costs_published
    costs_cases = _load(os.path.join(HERE, "cases", "costs.py"), "costs_cases")
    out = list(costs_cases.APPLICATIONS)
    for entry in costs_published.load_entries():
        if (entry["model"], entry["kwargs"]) not in out:
            out.append((entry["model"], entry["kwargs"]))
    return out


def _short(value):
    if isinstance(value, tuple):
        return "x".join("None" if v is None else str(v) for v in value)
    return str(value)


def run_macs(only=(), with_cases=True):
    run = MacsRun()
    models, skipped = [], []
    t0 = time.time()
    for source, cases in case_lists() if with_cases else ():
        for case in cases:
            if only and not any(case["id"].startswith(p) for p in only):
                continue
            record, reason = run.case(source, case)
            if record is None:
                skipped.append({"id": case["id"], "reason": reason})
            else:
                models.append(record)
        print(f"  {source}: done ({time.time() - t0:.0f}s)", flush=True)
    for fn_name, kwargs in application_list():
        ident = "applications/" + fn_name
        if only and not any(ident.startswith(p) for p in only):
            continue
        record = run.application(fn_name, kwargs)
        models.append(record)
        print(f"  {record['id']}: {_human(record['macs'])} MACs ({time.time() - t0:.0f}s)",
              flush=True)
    data = {"format_version": FORMAT_VERSION, "generator": GENERATOR, "models": models,
            "skipped": skipped}
    data.update(run.rec.versions())
    return data, run


def _human(n):
    if n is None:
        return "?"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= scale:
            return f"{n / scale:.2f}{unit}"
    return str(n)


# ---------------------------------------------------------------------------
# Consistency (the same checks tests/test_costs_fixtures.py makes on the written file)
# ---------------------------------------------------------------------------
def _check_rows(where, costs, problems):
    rows = costs["layers"]
    macs = [r["macs"] for r in rows]
    expected = None if any(m is None for m in macs) else sum(macs)
    if costs["macs"] != expected:
        problems.append(f"{where}: rows sum to {expected}, total says {costs['macs']}")
    for row in rows:
        here = f"{where}/{row['name']}"
        for key in ("macs", "activation_bytes"):
            if row[key] is not None and (not isinstance(row[key], int) or row[key] < 0):
                problems.append(f"{here}: {key} = {row[key]!r}")
        if row["calls"] == 0 and row["activation_bytes"] is not None:
            problems.append(f"{here}: activation bytes without a call")
        if "model" in row:
            inner = row["model"]
            _check_rows(here, inner, problems)
            want = None if inner["macs"] is None or not row["calls"] else row["calls"] * inner["macs"]
            if row["macs"] != want:
                problems.append(f"{here}: nested row {row['macs']} != calls x inner {want}")


def check_macs(data):
    problems = []
    ids = set()
    for m in data["models"]:
        if m["id"] in ids:
            problems.append(f"duplicate id {m['id']}")
        ids.add(m["id"])
        _check_rows(m["id"], m, problems)
        for key in ("activation_bytes", "input_bytes"):
            if m[key] is not None and m[key] < 0:
                problems.append(f"{m['id']}: {key} < 0")
    return problems


# ---------------------------------------------------------------------------
def _ensure_fixed_hash_seed():
    """Re-exec with PYTHONHASHSEED=0, as make_golden.py does (Keras messages print sets)."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]],
                  {**os.environ, "PYTHONHASHSEED": "0"})


def main(argv=None):
    _ensure_fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("macs", "optimizers", "published"), action="append",
                    default=[], help="produce only this file (repeatable)")
    ap.add_argument("--cases", action="append", default=[],
                    help="macs: only case ids starting with this prefix (implies --dry-run)")
    ap.add_argument("--dry-run", action="store_true", help="do not write files")
    ap.add_argument("--show", help="print the record of this model id")
    ap.add_argument("--markdown", action="store_true",
                    help="published: also print the table as Markdown")
    args = ap.parse_args(argv)
    parts = args.only or ["macs", "optimizers", "published"]
    dry = args.dry_run or bool(args.cases)

    run = None
    if "macs" in parts or "published" in parts:
        data, run = run_macs(args.cases, with_cases="macs" in parts)
        problems = check_macs(data)
        n_null = sum(m["macs"] is None for m in data["models"])
        print(f"macs: {len(data['models'])} models ({n_null} with unknown MACs), "
              f"{len(data['skipped'])} skipped, {len(problems)} consistency problems")
        for p in problems[:40]:
            print("  PROBLEM", p)
        if problems:
            return 1
        if args.show:
            for m in data["models"]:
                if m["id"] == args.show:
                    print(json.dumps(m, indent=1, sort_keys=True))
        if "macs" in parts and not dry:
            _write(data, os.path.join(OUT_DIR, "macs.json.gz"))
    if "published" in parts:
        import costs_published
        table = costs_published.build(run, data)
        costs_published.report(table)
        if args.markdown:
            print(costs_published.markdown(table))
        if not dry:
            costs_published.write(table, os.path.join(OUT_DIR, "published.json"))
    if "optimizers" in parts:
        import costs_optimizers
        if run is None:
            run = MacsRun()
        odata = costs_optimizers.run(run.rec.versions())
        if not dry:
            _write(odata, os.path.join(OUT_DIR, "optimizers.json.gz"))
    return 0


def _write(data, path):
    raw, packed, changed = mg.dump(data, path)
    print(f"wrote {os.path.relpath(path, ROOT)}: {packed / 1024:.1f} KiB gzip "
          f"({raw / 1024:.1f} KiB raw){'' if changed else ' (unchanged)'}")


if __name__ == "__main__":
    sys.exit(main())
