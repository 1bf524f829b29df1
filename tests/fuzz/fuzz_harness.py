"""Run one fuzz case in a child process with a time and a memory limit, and judge it.

``run_case(data, suffix)`` writes the bytes to a file, forks, and in the child
loads the file with :func:`paramscope.load`, summarises it and renders every
style (``keras3``, ``keras2``, ``keras2-classic``, ``--explain``, JSON).  The
child has an address-space limit and the parent kills it after a deadline, so
a hang or a memory blow-up is *detected* (and reported as such) instead of
hanging or exhausting the test run.  ``problems(outcome)`` lists what is wrong
with an outcome; the documented outcomes are: success with terminal-safe text
output and valid JSON, or a :class:`~paramscope.ParamscopeError` whose message
is one terminal-safe line and is not an internal-error message.
"""

import json
import os
import resource
import select
import signal
import tempfile
import time

#: Wall-clock seconds one case may take (the HDF5 reader's own bound is lower, below).
CASE_TIMEOUT = float(os.environ.get("FUZZ_CASE_TIMEOUT", 30))
#: Address space one case may add to the process's (bytes).
CASE_MEMORY = int(os.environ.get("FUZZ_CASE_MEMORY", 3 * 1024 ** 3))
#: paramscope's HDF5 reader timeout inside the fuzz cases (seconds).
H5_TIMEOUT = os.environ.get("FUZZ_H5_TIMEOUT", "5")

STYLES = ("keras3", "keras2", "keras2-classic")
#: Messages that say paramscope itself failed (a value it did not check): a finding.
INTERNAL = ("paramscope did not expect", "please report it as a paramscope bug")

_tmpdir = None

# Imported once here, before any case forks: each child inherits them instead of
# importing paramscope again (and a case's time is the case's own).
import paramscope.formats  # noqa: E402,F401
import paramscope.report.json  # noqa: E402,F401
import paramscope.report.keras2  # noqa: E402,F401
import paramscope.report.keras3  # noqa: E402,F401
import paramscope.report.explain  # noqa: E402,F401
import paramscope.summary  # noqa: E402,F401

try:
    import h5py  # noqa: E402,F401 - the .h5 and .keras cases need it in every child
except ImportError:  # pragma: no cover - h5py is a test dependency
    pass


def _path(suffix):
    global _tmpdir
    if _tmpdir is None:
        _tmpdir = tempfile.mkdtemp(prefix="paramscope-fuzz-")
    return os.path.join(_tmpdir, f"case{suffix}")


def terminal_safe(text):
    return text.replace("\n", "").isprintable()


def exercise(path):
    """In the child: load, summarise, render everything; a JSON-able outcome."""
    import traceback
    from paramscope import formats, naming, report
    from paramscope.errors import ParamscopeError
    from paramscope.report import json as json_report
    from paramscope.summary import summarize
    naming.clear_session()
    try:
        model = formats.load(path)
        summary = summarize(model)
        unsafe, render_errors = [], []
        for style in STYLES:
            for explain in (False, True):
                try:
                    text = report.render_summary(summary, style=style, explain=explain)
                except ParamscopeError as e:  # e.g. Keras 2 does not summarise unbuilt models
                    render_errors.append(str(e))
                    continue
                if not terminal_safe(text):
                    unsafe.append(f"{style}{' --explain' if explain else ''}")
        text = json_report.render(summary, explain=True)
        json.loads(text)
        json_ok = text.isascii()
        return {"status": "ok", "unsafe": unsafe, "json_ok": json_ok,
                "render_errors": render_errors, "warnings": list(summary.warnings)}
    except ParamscopeError as e:
        return {"status": "error", "message": str(e), "class": type(e).__name__}
    except MemoryError:
        return {"status": "memory"}
    except BaseException as e:  # noqa: BLE001 - a crash is what we are looking for
        return {"status": "crash", "error": f"{type(e).__name__}: {e}"[:500],
                "traceback": traceback.format_exc()[-4000:]}


def _child(path, write_fd):
    code = 0
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", "rb") as f:
            size, resident = (int(x) * os.sysconf("SC_PAGE_SIZE") for x in f.read().split()[:2])
        resource.setrlimit(resource.RLIMIT_AS, (size + CASE_MEMORY, hard))
        outcome = exercise(path)
        outcome["start_rss"] = resident // 1024  # inherited from the fuzzing process (KB)
        data = json.dumps(outcome).encode()
        while data:
            data = data[os.write(write_fd, data):]
    except BaseException:  # noqa: BLE001
        code = 3
    finally:
        os._exit(code)


def run_case(data: bytes, suffix: str) -> dict:
    """The outcome of loading ``data`` (a file ending in ``suffix``), with ``seconds``,
    ``peak_rss`` (KB, the child and its own children) and ``case_rss`` (KB: the peak less
    what the child had resident when it started, inherited from the fuzzing process)."""
    path = _path(suffix)
    with open(path, "wb") as f:
        f.write(data)
    read_fd, write_fd = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        os.environ["PARAMSCOPE_H5_TIMEOUT"] = H5_TIMEOUT
        _child(path, write_fd)
    os.close(write_fd)
    chunks, timed_out = [], False
    deadline = start + CASE_TIMEOUT
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_fd)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    if timed_out:
        outcome = {"status": "hang"}
    elif os.WIFSIGNALED(status):
        outcome = {"status": "crash", "error": f"killed by signal {os.WTERMSIG(status)}"}
    else:
        try:
            outcome = json.loads(b"".join(chunks))
        except ValueError:
            outcome = {"status": "crash", "error": f"exit status {os.WEXITSTATUS(status)}, "
                                                   "no outcome"}
    outcome["seconds"] = seconds
    outcome["peak_rss"] = usage.ru_maxrss
    outcome["case_rss"] = max(0, usage.ru_maxrss - outcome.pop("start_rss", 0))
    return outcome


def problems(outcome) -> list:
    """What is wrong with an outcome (empty: success or a documented clean error)."""
    status = outcome["status"]
    if status == "ok":
        found = [f"raw control characters in the {style} output" for style in outcome["unsafe"]]
        if not outcome["json_ok"]:
            found.append("JSON output not ASCII")
        found += [f"render error not one safe line: {m!r:.200}" for m in outcome["render_errors"]
                  if "\n" in m or not terminal_safe(m)]
        return found
    if status == "error":
        message = outcome["message"]
        found = []
        if "\n" in message:
            found.append(f"error message of several lines: {message!r:.300}")
        if not terminal_safe(message):
            found.append(f"raw control characters in the error message: {message!r:.300}")
        if any(text in message for text in INTERNAL):
            found.append(f"internal error reported: {message[-400:]}")
        return found
    if status == "crash":
        return [f"crash: {outcome.get('error')}\n{outcome.get('traceback', '')}"]
    return [status]  # hang, memory
