"""Fuzzing: mutants of real Keras files end in success or one clean error, never in a
crash, a hang, a memory blow-up or raw control characters on the terminal.

Each case runs in a child process with a time and a memory limit (``fuzz_harness.py``), so a
hang or a blow-up fails the test instead of stalling the suite.  The example count is
small here (``FUZZ_EXAMPLES``, default 40 per target, derandomized so that the suite is
reproducible); ``make fuzz`` runs the long version (``run_fuzz.py``).
"""

import os

from hypothesis import HealthCheck, given, settings

import fuzz_harness as harness
import strategies

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 40))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck), print_blob=True)


def check(case):
    data, suffix = case
    outcome = harness.run_case(data, suffix)
    assert not harness.problems(outcome), outcome


@FUZZ
@given(strategies.json_configs())
def test_mutated_json_configs(case):
    check(case)


@FUZZ
@given(strategies.keras_archives())
def test_mutated_keras_archives(case):
    check(case)


@FUZZ
@given(strategies.h5_files())
def test_mutated_h5_files(case):
    check(case)


def test_the_harness_detects_hangs_and_blowups(monkeypatch):
    """The limits work: a case that loops or allocates without end is reported, not waited for."""
    monkeypatch.setattr(harness, "CASE_TIMEOUT", 2.0)
    monkeypatch.setattr(harness, "exercise", lambda path: [None for _ in iter(int, 1)])
    assert harness.run_case(b"{}", ".json")["status"] == "hang"
    monkeypatch.setattr(harness, "CASE_TIMEOUT", 30.0)
    monkeypatch.setattr(harness, "exercise", lambda path: bytearray(8 * 1024 ** 3))
    outcome = harness.run_case(b"{}", ".json")
    assert outcome["status"] in ("memory", "crash") and harness.problems(outcome)
