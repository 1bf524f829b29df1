"""Checks shared by the tests of issue 9 (terminal safety, Ctrl-C)."""

import signal
import time


def raw_controls(text):
    """Characters a terminal would act on, or could not encode (the line breaks between
    lines are the output's own)."""
    return sorted({ch for ch in text.replace("\n", "") if not ch.isprintable()})


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
