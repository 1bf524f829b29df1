"""The long fuzz run (``make fuzz``): many cases, counted rather than stopped at the first.

    python tests/fuzz/run_fuzz.py [--cases 100000] [--workers 2] [--seed 0] [--out DIR]
                                  [--minutes M] [--chunk 300]

Runs the strategies of ``strategies.py`` (JSON configs, ``.keras`` archives and ``.h5``
files, in equal shares, taking turns ``--chunk`` cases at a time) through the harness of
``fuzz_harness.py`` (each case in a child process with a time and a memory limit), in ``--workers`` processes, and prints the
cases tried, their outcomes (success, clean errors, problems by kind: crash, hang,
memory, unsafe output, internal error), the peak memory of a case (what its process
added to what it inherited) and the slowest case.  ``--minutes`` bounds the run's time:
no new case starts after it (the count reported is the real one).  Every case with
a problem is saved under ``--out`` (its bytes, and the outcome as JSON) to reproduce it.
"""

import argparse
import warnings
import collections
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "src"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

import fuzz_harness as harness  # noqa: E402
import strategies  # noqa: E402

TARGETS = {"json": strategies.json_configs(), "keras": strategies.keras_archives(),
           "h5": strategies.h5_files()}


def _kind(problem):
    for kind in ("crash", "hang", "memory", "internal", "control characters", "several lines"):
        if kind in problem:
            return kind
    return "other"


def worker(index, cases, base_seed, out, report_path, deadline=None, chunk=300):
    """Run ``cases`` cases, the targets taking turns ``chunk`` cases at a time (so that a
    run stopped by its time budget, ``deadline``, has tried every target alike)."""
    stats = collections.Counter()
    peak = {"rss_kb": 0, "case_rss_kb": 0, "seconds": 0.0}

    def run_target(name, count, seed_value):
        @seed(seed_value)
        @settings(max_examples=count, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.generate])
        @given(TARGETS[name])
        def run(case):
            data, suffix = case
            outcome = harness.run_case(data, suffix)
            _count(stats, peak, name, outcome)
            found = harness.problems(outcome)
            if found:
                stats["cases with problems"] += 1
                for problem in found:
                    stats[f"problem: {_kind(problem)}"] += 1
                stem = os.path.join(out, f"w{index}-{stats['cases with problems']}{suffix}")
                with open(stem, "wb") as f:
                    f.write(data)
                with open(stem + ".outcome.json", "w") as f:
                    json.dump({"problems": found, "outcome": outcome}, f, indent=1)
            if stats["cases"] % 500 == 0:
                _save(report_path, stats, peak)
        run()

    turn = 0
    while stats["cases"] < cases and (deadline is None or time.time() < deadline):
        for number, name in enumerate(TARGETS):
            left = cases - stats["cases"]
            if left <= 0 or (deadline is not None and time.time() >= deadline):
                break
            run_target(name, min(chunk, left),
                       base_seed * 10 ** 7 + index * 10 ** 5 + turn * 10 + number)
        turn += 1
    _save(report_path, stats, peak)


def _count(stats, peak, name, outcome):
    stats["cases"] += 1
    stats[f"{name} cases"] += 1
    stats[outcome["status"]] += 1
    if outcome["status"] == "error" and "could not be read within" in outcome["message"]:
        stats["h5 reader timeouts (clean errors)"] += 1
    peak["rss_kb"] = max(peak["rss_kb"], outcome["peak_rss"])
    peak["case_rss_kb"] = max(peak["case_rss_kb"], outcome["case_rss"])
    peak["seconds"] = max(peak["seconds"], outcome["seconds"])


def _save(path, stats, peak):
    with open(path, "w") as f:
        json.dump({"stats": dict(stats), "peak": peak}, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=int(os.environ.get("FUZZ_CASES", 100000)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("FUZZ_WORKERS", 2)))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", 0)))
    parser.add_argument("--out", default=os.environ.get("FUZZ_OUT", "fuzz-findings"))
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("FUZZ_MINUTES", 0)),
                        help="stop starting new cases after this many minutes (0: no limit)")
    parser.add_argument("--chunk", type=int, default=300,
                        help="cases of one target before the next target's turn")
    args = parser.parse_args()
    deadline = time.time() + args.minutes * 60 if args.minutes else None
    os.makedirs(args.out, exist_ok=True)
    warnings.simplefilter("ignore")  # zipfile's "Duplicate name" for the duplicated members
    start = time.time()
    pids = []
    for index in range(args.workers):
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                worker(index, args.cases // args.workers, args.seed, args.out,
                       os.path.join(args.out, f"worker{index}.json"), deadline, args.chunk)
            except BaseException:  # noqa: BLE001 - reported, then the worker ends
                import traceback
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    total, peak = collections.Counter(), {"rss_kb": 0, "case_rss_kb": 0, "seconds": 0.0}
    for index in range(args.workers):
        with open(os.path.join(args.out, f"worker{index}.json")) as f:
            part = json.load(f)
        total.update(part["stats"])
        peak = {k: max(peak[k], part["peak"][k]) for k in peak}
    summary = {"cases tried": total["cases"], "seconds": round(time.time() - start),
               "outcomes": {k: v for k, v in sorted(total.items()) if k != "cases"},
               "peak memory of a case (MB)": round(peak["case_rss_kb"] / 1024, 1),
               "peak resident memory of a case process, with what it inherits from the "
               "fuzzing process (MB)": round(peak["rss_kb"] / 1024, 1),
               "slowest case (s)": round(peak["seconds"], 2)}
    print(json.dumps(summary, indent=2))
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return 1 if total["cases with problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
