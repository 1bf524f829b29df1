"""The public-script corpus (tests/corpus/): each script, unmodified, through `paramscope summary`.

Each script either reaches its model with Keras's numbers (rows, totals and the summary text
equal to the golden record real Keras made, tools/make_corpus.py), or ends (exit 2) with
exactly the one-line reason tests/corpus/EXPECTED.json gives.  Scripts that stop because of
something paramscope lacks are listed there as "gap" (with the owner of the fix): they are
expected failures (strict: a gap that starts to reach its model fails here until
EXPECTED.json says "model"), never counted as reaching.  `tools/corpus_status.py` prints the
reach table.  The scripts run in parallel subprocesses (started when this module loads).
"""
from __future__ import annotations

import hashlib
import json
import os
import re

import pytest

from corpus import harness
from paramscope.textsafe import is_terminal_safe

CORPUS = harness.Corpus()
ENTRIES = CORPUS.entries
IDS = [entry["id"] for entry in ENTRIES]
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")


@pytest.fixture(scope="module", autouse=True)
def _start_the_selected_scripts(request):
    selected = [item.callspec.params["entry"] for item in request.session.items
                if getattr(item, "module", None) is request.module and hasattr(item, "callspec")]
    CORPUS.prefetch(selected)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_script(entry):
    expected = CORPUS.expected[entry["id"]]
    outcome = expected["outcome"]
    if outcome == "model":
        reached, detail = CORPUS.reach(entry)
        assert reached, detail
    elif outcome == "reason":
        code, _, stderr = CORPUS.run(entry, "json")
        assert code == 2, f"exit {code}, expected 2 with: {expected['reason']}"
        assert CORPUS.last_message(entry, stderr) == expected["reason"]
    else:
        assert outcome == "gap", outcome
        reached, detail = CORPUS.reach(entry)
        assert not reached, "now reaches its model: say so in tests/corpus/EXPECTED.json"
        pytest.xfail(f"known gap ({expected['owner']}): {detail}")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_script_ends_cleanly(entry):
    """Issue 9 on real scripts: whatever a script does, paramscope ends with its model (exit 0)
    or one error line (exit 2), never a traceback; every line paramscope writes about the
    script (skipped statements, notes, warnings, the stop) is one terminal-safe line.  What
    the script itself prints is its own (it goes to stderr, raw, as Python would show it)."""
    code, stdout, stderr = CORPUS.run(entry, "json")
    assert code in (0, 2), f"exit {code}: {stderr[-2000:]}"
    assert "Traceback (most recent call last)" not in stderr, stderr[-2000:]
    ours = [line for line in stderr.split("\n") if line.startswith("paramscope:")]
    assert all(is_terminal_safe(line, allow_newlines=False) for line in ours), ours
    if code == 2:
        assert ours and ours[-1].startswith("paramscope: error: "), stderr[-2000:]
        assert stdout == ""
    else:
        assert json.loads(stdout)["layers"]


def test_every_script_has_an_expectation_and_a_golden_record():
    assert len(ENTRIES) >= 40 and not CORPUS.missing
    assert sorted(CORPUS.expected) == sorted(IDS)
    assert sorted(CORPUS.golden) == sorted(IDS)
    for entry in ENTRIES:
        expected = CORPUS.expected[entry["id"]]
        golden = CORPUS.golden[entry["id"]]
        assert expected["outcome"] in ("model", "reason", "gap"), entry["id"]
        assert golden["golden"] == entry.get("golden", "keras3"), entry["id"]
        if expected["outcome"] == "model":
            assert golden.get("model"), f"{entry['id']}: Keras reached no model"
        if expected["outcome"] == "reason":
            assert not golden.get("model"), f"{entry['id']}: Keras reached a model"
            assert "\n" not in expected["reason"] and expected["reason"].startswith(
                "paramscope: error: SCRIPT"), entry["id"]
        if expected["outcome"] == "gap":
            assert expected.get("owner") and expected.get("note"), entry["id"]


def test_scripts_are_stored_as_published():
    for entry in ENTRIES:
        with open(CORPUS.script_path(entry), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        assert digest == entry["sha256"], f"{entry['file']} changed (see tools/corpus_extract.py)"
        assert CORPUS.sources[entry["source"]]["licence"] == "MIT"


def test_attribution_names_every_source():
    with open(os.path.join(CORPUS.directory, "ATTRIBUTION.md"), encoding="utf-8") as f:
        text = f.read()
    for source in CORPUS.sources.values():
        assert source["sdist"] in text and source["sdist_sha256"] in text
    assert "Permission is hereby granted, free of charge" in text


def test_readme_reports_the_reach_count():
    with open(README, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"(\d+) of (\d+) corpus scripts reach their model", text)
    assert match, "the README's corpus section states 'N of M corpus scripts reach their model'"
    reaching = sum(1 for e in CORPUS.expected.values() if e["outcome"] == "model")
    assert (int(match.group(1)), int(match.group(2))) == (reaching, len(ENTRIES))
