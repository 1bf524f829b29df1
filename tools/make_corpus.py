#!/usr/bin/env python
"""Golden fixtures for the script corpus (tests/corpus/), from REAL Keras.

A developer tool: it needs the Keras virtualenvs and is never imported by paramscope or by
the tests.  For every script of tests/corpus/MANIFEST.json it runs tools/corpus_worker.py
in a fresh process of the real Keras the entry names (``golden``): Keras 3.15.1 on JAX in
/work/venvs/k3 (or on TensorFlow in /work/venvs/k2 with ``golden_backend: tensorflow``), or
tf-keras 2.21 in /work/venvs/k2 (``golden: tf-keras``).  The worker executes the script's
model code as written, without its data (see its docstring), and the records go into
tests/corpus/golden.json.gz (sorted keys, gzip mtime 0: deterministic).

    python tools/make_corpus.py                        # every script (2 at once)
    python tools/make_corpus.py --only keras-classic/imdb  # ids starting with this (others kept)
    python tools/make_corpus.py --show ID              # print one record

It prints one line per script: the model it reached (name, total params) or why not.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "tests", "corpus")
MANIFEST = os.path.join(CORPUS, "MANIFEST.json")
GOLDEN = os.path.join(CORPUS, "golden.json.gz")
GENERATOR = "tools/make_corpus.py v1"
VENVS = {
    "jax": os.environ.get("CORPUS_K3_PYTHON", "/work/venvs/k3/bin/python"),
    "tensorflow": os.environ.get("CORPUS_K2_PYTHON", "/work/venvs/k2/bin/python"),
}
TIMEOUT = 900


def golden_backend(entry):
    """tf-keras runs on TensorFlow; Keras 3 on JAX (the backend paramscope follows) unless the
    entry says ``golden_backend: tensorflow`` (the Keras 2 backend functions of Keras 3's
    tf.keras view are TensorFlow code)."""
    if entry.get("golden") == "tf-keras":
        return "tensorflow"
    return entry.get("golden_backend", "jax")


def run_worker(entry, corpus=CORPUS):
    backend = golden_backend(entry)
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TF_USE_LEGACY_KERAS")}
    env.update(KERAS_BACKEND=backend, JAX_PLATFORMS="cpu", TF_CPP_MIN_LOG_LEVEL="3",
               PYTHONHASHSEED="0", CUDA_VISIBLE_DEVICES="",
               KERAS_HOME=os.path.join("/tmp", "corpus_keras_home_" + backend))
    if entry.get("golden") == "tf-keras":
        env["TF_USE_LEGACY_KERAS"] = "1"  # tf.keras is tf-keras too
    manifest = os.path.join(corpus, "MANIFEST.json")
    cmd = [VENVS[backend], os.path.join(HERE, "corpus_worker.py"), manifest, entry["id"]]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"id": entry["id"], "error": {"type": "Timeout", "line": None,
                                              "message": f"over {TIMEOUT} s"}, "model": None}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip().splitlines()[-3:]
        return {"id": entry["id"], "model": None,
                "error": {"type": "WorkerFailed", "line": None, "message": " | ".join(tail)}}
    return json.loads(lines[-1])


def load_golden():
    if not os.path.exists(GOLDEN):
        return {}
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return {r["id"]: r for r in json.load(f)["scripts"]}


def dump(records):
    data = {"generator": GENERATOR, "format_version": 1,
            "scripts": [records[k] for k in sorted(records)]}
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    with open(GOLDEN, "wb") as f:
        f.write(buf.getvalue())


def describe(record):
    model = record.get("model")
    if model:
        return f"model {record.get('model_variable')} ({model['class_name']}), " \
               f"{model['total_params']:,} params [{record.get('backend')}]"
    error = record.get("error") or {}
    return f"NO MODEL: line {error.get('line')}: {error.get('type')}: " \
           f"{(error.get('message') or '').splitlines()[0][:150] if error.get('message') else ''}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="id prefix (repeatable)")
    parser.add_argument("--show", help="print the record of this id")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--jobs", type=int, default=2, help="workers at once (default 2)")
    args = parser.parse_args(argv)
    with open(MANIFEST, encoding="utf-8") as f:
        manifest = json.load(f)
    records = load_golden()
    if args.show:
        print(json.dumps(records[args.show], indent=1, sort_keys=True))
        print(records[args.show].get("summary_c200") or "")
        return 0
    entries = manifest["scripts"]
    if args.only:
        entries = [e for e in entries if any(e["id"].startswith(p) for p in args.only)]
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for entry, record in zip(entries, pool.map(run_worker, entries)):
            records[entry["id"]] = record
            print(f"{entry['id']}: {describe(record)}", flush=True)
    known = {e["id"] for e in manifest["scripts"]}
    records = {k: v for k, v in records.items() if k in known}
    if not args.dry_run:
        dump(records)
        print(f"wrote {os.path.relpath(GOLDEN, ROOT)}: {len(records)} scripts, "
              f"{sum(1 for r in records.values() if r.get('model'))} with a model")
    return 0


if __name__ == "__main__":
    sys.exit(main())
