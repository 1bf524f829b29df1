"""Checks shared by the tests of issue 9 (terminal safety, Ctrl-C)."""

import signal
import time


def raw_controls(text):
    """Characters a terminal would act on, or could not encode (the line breaks between
    lines are the output's own)."""
    return sorted({ch for ch in text.replace("\n", "") if not ch.isprintable()})


def default_sigint():
    """``preexec_fn`` of a process the tests interrupt: Ctrl-C acts on it even when the
    tests run where SIGINT is ignored (a background job of a non-interactive shell: the
    ignored SIGINT would be inherited, and Python then installs no KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt_when_ready(process, stream):
    """Send Ctrl-C (SIGINT) to ``process`` once it wrote ``ready`` to ``stream``; its
    ``(returncode, stderr)``."""
    try:
        while b"ready" not in stream.read1(100):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    return process.returncode, err
