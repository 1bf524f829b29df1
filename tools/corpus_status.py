#!/usr/bin/env python
"""The corpus reach table: which scripts reach their model on this checkout, and why not.

    .venv/bin/python tools/corpus_status.py                 # tests/corpus: the table and count
    .venv/bin/python tools/corpus_status.py --only keras-classic/mnist
    .venv/bin/python tools/corpus_status.py --markdown      # the table as Markdown
    .venv/bin/python tools/corpus_status.py --local DIR     # a corpus kept outside the repository

Runs every script of the corpus's MANIFEST.json unmodified through ``paramscope summary``
(tests/corpus/harness.py: the same runs tests/test_corpus.py makes, in parallel) and compares
with the golden records real Keras gave.  It prints, per script, whether it reached its model
with Keras's numbers, and what the corpus's EXPECTED.json says; a line marked ``!`` disagrees
with EXPECTED.json (update it there: the test reads it).  ``--local DIR`` measures a corpus
laid out the same way in DIR (MANIFEST.json, EXPECTED.json, golden.json.gz, the scripts);
manifest entries whose script is not in DIR are left out and counted.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_harness():
    path = os.path.join(ROOT, "tests", "corpus", "harness.py")
    spec = importlib.util.spec_from_file_location("corpus_harness", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="id prefix (repeatable)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--local", metavar="DIR", help="a corpus directory outside the repository")
    parser.add_argument("--jobs", type=int, default=None, help="scripts at once (default: CPUs)")
    args = parser.parse_args(argv)
    harness = load_harness()
    corpus = harness.Corpus(args.local or harness.HERE, jobs=args.jobs)
    entries = [e for e in corpus.entries
               if not args.only or any(e["id"].startswith(p) for p in args.only)]
    corpus.prefetch(entries)
    reached = disagree = 0
    if args.markdown:
        print("| script | reaches its model | what happens |\n|---|---|---|")
    for entry in entries:
        ok, detail = corpus.reach(entry)
        want = corpus.expected.get(entry["id"], {}).get("outcome", "?")
        reached += ok
        mismatch = ok != (want == "model")
        disagree += mismatch
        if args.markdown:
            print(f"| {entry['id']} | {'yes' if ok else 'no'} | {detail.replace('|', '/')} |")
        else:
            mark = "!" if mismatch else " "
            print(f"{mark} {'REACHED' if ok else 'no     '} [{want:6}] {entry['id']}: {detail}",
                  flush=True)
    where = os.path.relpath(os.path.join(corpus.directory, "EXPECTED.json"), os.getcwd())
    print(f"\n{reached} of {len(entries)} scripts reach their model "
          f"({100 * reached / max(len(entries), 1):.0f}%); {disagree} disagree with {where}")
    if corpus.missing:
        print(f"({len(corpus.missing)} manifest entries have no script in {corpus.directory}: "
              "left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
