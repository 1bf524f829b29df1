"""Run the corpus scripts unmodified through ``paramscope summary`` and judge the outcome.

Used by tests/test_corpus.py and by tools/corpus_status.py (the reach table, also for a
corpus kept outside the repository: ``Corpus(directory)``).  Everything a test checks comes
from three plain files of the corpus directory:

* ``MANIFEST.json``: per script, where it comes from, which real Keras its golden record
  comes from (``golden``: ``keras3``, the default, or ``tf-keras``), and what a user passes
  on the command line to reach its model (``set``: the ``--set NAME=VALUE`` bindings of
  values only the data has; ``args``: e.g. ``--model NAME`` when the script builds several
  models);
* ``golden.json.gz``: what real Keras gives for the script's model (tools/make_corpus.py);
* ``EXPECTED.json``: the one place that says what each script is expected to do today:
  ``{"outcome": "model"}`` (it reaches its model, with Keras's numbers), ``{"outcome":
  "reason", "reason": "..."}`` (it ends, exit 2, with exactly this one-line reason; the
  script's path is written ``SCRIPT``), or ``{"outcome": "gap", "owner": ..., "note": ...}``
  (it does not reach its model because of something paramscope lacks: a known failure,
  reported, never counted as reaching).

A script whose golden comes from Keras 3 is run as a user runs it (``paramscope summary
SCRIPT``) and compared with Keras 3's rows, totals and ``model.summary()`` text.  A script
whose golden comes from tf-keras (it needs Keras 2 behaviour that Keras 3 lacks) is run with
``--style keras2``, the user's way of asking for tf.keras, and compared with tf-keras's rows,
totals and summary text.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 180
ROW_KEYS = ("name", "class_name", "output_shape", "params", "trainable_params",
            "non_trainable_params")
# tf-keras records output shapes as tf.keras's `layer.output_shape` structures (an InputLayer's
# is a list of one shape); the `--style keras2` text, compared in full, holds them as printed.
TF_KERAS_ROW_KEYS = ("name", "class_name", "params", "trainable_params", "non_trainable_params")
TOTAL_KEYS = ("total_params", "trainable_params", "non_trainable_params")


def _load_json(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


class Corpus:
    """A corpus directory: MANIFEST.json, EXPECTED.json, golden.json.gz and the scripts.

    Entries whose script is not in the directory are left out (``missing`` lists them): a
    local measurement set may hold only part of the manifest's scripts."""

    def __init__(self, directory=HERE, jobs=None):
        self.directory = os.path.abspath(directory)
        manifest = _load_json(os.path.join(self.directory, "MANIFEST.json"))
        self.sources = manifest["sources"]
        self.entries, self.missing = [], []
        for entry in manifest["scripts"]:
            (self.entries if self.script_path(entry) else self.missing).append(entry)
        self.expected = _load_json(os.path.join(self.directory, "EXPECTED.json"))
        golden = _load_json(os.path.join(self.directory, "golden.json.gz"))
        self.golden = {record["id"]: record for record in golden["scripts"]}
        self._pool = ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2)
        self._runs = {}
        self._lock = threading.Lock()

    def script_path(self, entry):
        """The script's file: ``file`` under the directory (a local set may keep its scripts
        without the ``scripts/`` folder); None if absent."""
        candidates = [entry["file"]]
        if entry["file"].startswith("scripts/"):
            candidates.append(entry["file"][len("scripts/"):])
        for candidate in candidates:
            path = os.path.join(self.directory, candidate)
            if os.path.exists(path):
                return path
        return None

    def command_line(self, entry, output_format):
        argv = [sys.executable, "-m", "paramscope", "summary", self.script_path(entry),
                "--format", output_format]
        for binding in entry.get("set", []):
            argv += ["--set", binding]
        if entry.get("golden") == "tf-keras":
            argv += ["--style", "keras2"]
        return argv + list(entry.get("args", []))

    def _run(self, entry, output_format):
        env = dict(os.environ, COLUMNS="200")
        for name in ("FORCE_COLOR", "NO_COLOR", "LINES"):
            env.pop(name, None)
        with tempfile.TemporaryDirectory(prefix="paramscope_corpus_") as cwd:
            try:
                proc = subprocess.run(self.command_line(entry, output_format),
                                      capture_output=True, text=True, cwd=cwd, env=env,
                                      timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                return None, "", f"timed out after {TIMEOUT} s"
        return proc.returncode, proc.stdout, proc.stderr

    def submit(self, entry, output_format):
        """Start ``paramscope summary`` on the script (a fresh process in an empty directory,
        at most ``jobs`` at once); returns a future of (exit code, stdout, stderr)."""
        key = (entry["id"], output_format)
        with self._lock:
            if key not in self._runs:
                self._runs[key] = self._pool.submit(self._run, entry, output_format)
            return self._runs[key]

    def run(self, entry, output_format):
        return self.submit(entry, output_format).result()

    def prefetch(self, entries=None):
        """Start the runs of these scripts (default: all) at once: they run in parallel, and
        the text run of a script starts as soon as its JSON run has printed a model."""
        for entry in self.entries if entries is None else entries:
            future = self.submit(entry, "json")
            future.add_done_callback(lambda done, entry=entry: self._then_text(entry, done))

    def _then_text(self, entry, done):
        if not done.cancelled() and done.exception() is None and done.result()[0] == 0 \
                and (self.golden.get(entry["id"]) or {}).get("model"):
            self.submit(entry, "text")

    def last_message(self, entry, stderr):
        """The final ``paramscope: error: ...`` line, with the script's path written SCRIPT."""
        lines = [line for line in stderr.splitlines() if line.startswith("paramscope: error:")]
        if not lines:
            lines = stderr.strip().splitlines()[-1:] or [""]
        return lines[-1].replace(self.script_path(entry), "SCRIPT")

    def reach(self, entry):
        """Run a script and judge it: (reached, detail).  reached is True when paramscope
        printed the model real Keras built, with equal rows, totals and summary text; else
        detail says why not."""
        golden = self.golden.get(entry["id"])
        code, stdout, stderr = self.run(entry, "json")
        if code != 0:
            return False, self.last_message(entry, stderr)
        if not golden or not golden.get("model"):
            return False, "paramscope printed a model, but real Keras reached none (see golden)"
        tf_keras = entry.get("golden") == "tf-keras"
        problems = compare_model(json.loads(stdout), golden["model"],
                                 TF_KERAS_ROW_KEYS if tf_keras else ROW_KEYS)
        if problems:
            return False, "differs from Keras: " + "; ".join(problems[:3])
        code, text, stderr = self.run(entry, "text")
        if code != 0:
            return False, self.last_message(entry, stderr)
        keras_text = golden["summary_keras2" if tf_keras else "summary_c200"]
        if text != keras_text:
            return False, "the summary text differs from Keras's (rows and totals are equal)"
        return True, "reaches its model"


def compare_model(report, golden_model, row_keys=ROW_KEYS):
    """Differences between paramscope's JSON report and Keras's record (empty if equal)."""
    problems = []
    for key in TOTAL_KEYS:
        if report.get(key) != golden_model[key]:
            problems.append(f"{key}: paramscope {report.get(key)}, Keras {golden_model[key]}")
    ours = [{key: layer.get(key) for key in row_keys} for layer in report.get("layers", [])]
    theirs = [{key: layer.get(key) for key in row_keys} for layer in golden_model["layers"]]
    if len(ours) != len(theirs):
        problems.append(f"{len(ours)} rows, Keras has {len(theirs)}")
    for mine, keras_row in zip(ours, theirs):
        if mine != keras_row:
            problems.append(f"row {mine} != Keras {keras_row}")
    if report.get("name") != golden_model["name"]:
        problems.append(f"model name {report.get('name')!r}, Keras {golden_model['name']!r}")
    return problems
