"""Run a reader in a child process, bounded in time and memory.

libhdf5 (through h5py) reads whatever a file's bytes say: one byte inserted in
a stored attribute can make it loop forever inside a single C call (which
Python cannot interrupt), and a size field set to 4 GB makes it allocate that
much.  So every HDF5 read of paramscope runs in a forked child process with an
address-space limit (``RLIMIT_AS``: :data:`MEMORY_BUDGET` above what the
process already uses) and a CPU-time limit, and the parent waits at most
:data:`TIMEOUT` seconds for its answer before killing it.  The answer is
plain JSON on a pipe (nothing is unpickled), one message per step, so a
reader can hand back the model's config before a later step (the weights'
shapes) fails.

Forking costs a few milliseconds (measured in ``bench/``); where ``os.fork``
does not exist (Windows) the reader runs in-process, unbounded.

>>> run_bounded(lambda send: send({"answer": 6 * 7}))
[{'answer': 42}]
"""

from __future__ import annotations

import json
import os
import sys

#: Seconds a child reader may take (``PARAMSCOPE_H5_TIMEOUT`` overrides it).
TIMEOUT = 10.0
#: Bytes of address space a child reader may add to the process's own.
MEMORY_BUDGET = 2 * 1024 ** 3


class ReaderFailed(Exception):
    """The child reader did not finish: ``reason`` says how (``timeout``, ``memory``,
    ``crash``); ``messages`` holds what it sent before."""

    def __init__(self, reason, detail, messages):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.messages = messages


def timeout_seconds() -> float:
    try:
        value = float(os.environ.get("PARAMSCOPE_H5_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT
    return value if value > 0 else TIMEOUT


def _address_space() -> int:
    """This process's virtual memory size (bytes), 0 if unknown."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_child(timeout, memory):
    import resource
    used = _address_space()
    if used:
        limit = used + memory
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    cpu = int(timeout) + 2  # the kernel ends the child even if the parent is gone
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or hard > cpu:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))


def _child(function, write_fd, timeout, memory):
    """In the child: run, send each message as one JSON line, never return."""
    code = 0
    try:
        _limit_child(timeout, memory)

        def send(message):
            data = (json.dumps(message) + "\n").encode("ascii")
            while data:
                data = data[os.write(write_fd, data):]

        try:
            function(send)
        except MemoryError:
            send({"__failed__": "memory", "detail": "out of memory"})
        except BaseException as e:  # noqa: BLE001 - everything goes back to the parent
            try:
                detail = f"{type(e).__name__}: {e}"
            except BaseException:  # noqa: BLE001
                detail = type(e).__name__
            send({"__failed__": "error", "detail": detail[:2000]})
    except BaseException:  # noqa: BLE001 - even sending failed
        code = 3
    finally:
        os._exit(code)


def _read_messages(read_fd, timeout):
    """The child's lines, an unfinished rest, and whether the time ran out."""
    import select
    import time
    deadline = time.monotonic() + timeout
    buffer, chunks = b"", []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return chunks, buffer, True
        ready, _, _ = select.select([read_fd], [], [], left)
        if not ready:
            continue
        data = os.read(read_fd, 1 << 16)
        if not data:
            return chunks, buffer, False
        buffer += data
        *lines, buffer = buffer.split(b"\n")
        chunks.extend(lines)


def run_bounded(function, timeout=None, memory=MEMORY_BUDGET):
    """``function(send)`` in a child process; the list of what it sent.

    Raises :class:`ReaderFailed` if it did not finish within ``timeout`` seconds or
    ``memory`` bytes, crashed, or raised (``reason="error"``, with the exception text).
    """
    timeout = timeout_seconds() if timeout is None else timeout
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: in-process, unbounded
        messages = []
        function(messages.append)
        return messages
    import signal
    read_fd, write_fd = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
        os.close(read_fd)
        _child(function, write_fd, timeout, memory)
    os.close(write_fd)
    timed_out = True  # until the child is seen to finish (also on Ctrl-C while waiting)
    try:
        lines, rest, timed_out = _read_messages(read_fd, timeout)
    finally:
        os.close(read_fd)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    messages = []
    for line in lines:
        try:
            messages.append(json.loads(line))
        except ValueError:
            break
    if timed_out:
        raise ReaderFailed("timeout", f"more than {timeout:g} s", messages)
    failed = messages[-1].get("__failed__") if messages and isinstance(messages[-1], dict) else None
    if failed:
        raise ReaderFailed(failed, messages[-1].get("detail", ""), messages[:-1])
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        reason = "timeout" if sig == getattr(signal, "SIGXCPU", None) else "crash"
        raise ReaderFailed(reason, f"the reader was ended by signal {sig}", messages)
    if os.WEXITSTATUS(status) != 0 or rest:
        raise ReaderFailed("crash", f"the reader exited with status {os.WEXITSTATUS(status)}",
                           messages)
    return messages
