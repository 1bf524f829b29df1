"""Headless Firefox for the browser tests of the page (tests/browser/test_page_firefox.py).

The browser is Debian's ``firefox-esr`` (``/usr/bin/firefox-esr``, or ``PARAMSCOPE_FIREFOX``).
Playwright drives only its own patched Firefox build, which cannot be downloaded on these
machines, so Firefox is driven here through Marionette, the remote protocol built into every
Firefox (``--marionette``; geckodriver speaks it too): length-prefixed JSON over a local TCP
socket, with the WebDriver commands (navigate, execute script, click, key actions,
screenshot). No package is needed beyond the standard library.

``FirefoxPage`` offers the few Playwright ``Page`` methods the page's tests and its harness
use (``evaluate``, ``wait_for_function``, ``click``, ``eval_on_selector_all``, ...), so that
the same reading helpers serve both browsers. Outside CI the Firefox tests are skipped, with
the reason shown, where Firefox is missing; in CI (``CI`` set, as .ci/run sets it) they fail.
"""

from __future__ import annotations

import atexit
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time


def _default_firefox():
    for name in ("firefox-esr", "firefox"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/firefox-esr"


FIREFOX = os.environ.get("PARAMSCOPE_FIREFOX") or _default_firefox()
#: A quiet, fast profile: no first-run pages, updates, telemetry or background downloads.
PREFS = {
    "marionette.port": 0,  # any free port; Firefox writes it to <profile>/MarionetteActivePort
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "startup.homepage_welcome_url": "about:blank",
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "extensions.update.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.newtabpage.enabled": False,
    "network.disable-localhost-when-offline": True,  # "Work Offline" cuts the local server too
    "devtools.console.stdout.content": True,  # the page's console messages in the browser's log
}
START_TIMEOUT_S = 90
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # WebDriver's key for an element reference
KEYS = {"Control": "\ue009", "Enter": "\ue007", "Shift": "\ue008", "Alt": "\ue00a",
        "Backspace": "\ue003", "Tab": "\ue004", "Escape": "\ue00c"}


def unavailable_reason():
    """Why Firefox cannot run here (None when it can)."""
    if not (os.path.exists(FIREFOX) or shutil.which(FIREFOX)):
        return (f"no Firefox at {FIREFOX} (apt-get install firefox-esr, or set "
                "PARAMSCOPE_FIREFOX)")
    return None


class MarionetteError(RuntimeError):
    """A WebDriver error from the browser (its name, message and the command)."""


class Marionette:
    """A Marionette client: ``command(name, params)`` sends ``[0, id, name, params]`` and
    returns the result of the answer ``[1, id, error, result]``."""

    def __init__(self, port, timeout_s):
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=timeout_s)
        self.buffer = b""
        self.last_id = 0
        hello = self._receive()
        if hello.get("marionetteProtocol") != 3:
            raise MarionetteError(f"unexpected Marionette greeting: {hello}")

    def _read_more(self):
        chunk = self.socket.recv(1 << 20)
        if not chunk:
            raise MarionetteError("Firefox closed the Marionette connection")
        self.buffer += chunk

    def _receive(self):
        while b":" not in self.buffer:
            self._read_more()
        length, _, rest = self.buffer.partition(b":")
        self.buffer = rest
        while len(self.buffer) < int(length):
            self._read_more()
        message, self.buffer = self.buffer[:int(length)], self.buffer[int(length):]
        return json.loads(message)

    def command(self, name, params=None):
        self.last_id += 1
        data = json.dumps([0, self.last_id, name, params or {}]).encode()
        self.socket.sendall(str(len(data)).encode() + b":" + data)
        while True:
            kind, message_id, error, result = self._receive()
            if kind == 1 and message_id == self.last_id:
                break
        if error:
            raise MarionetteError(f"{name}: {error.get('error')}: {error.get('message')}")
        return result

    def close(self):
        self.socket.close()


class Firefox:
    """Headless Firefox with a fresh profile and one Marionette session (one tab)."""

    def __init__(self, script_timeout_ms=120_000):
        self.profile = tempfile.mkdtemp(prefix="paramscope-firefox-")
        with open(os.path.join(self.profile, "user.js"), "w", encoding="utf-8") as f:
            for name, value in PREFS.items():
                f.write(f"user_pref({json.dumps(name)}, {json.dumps(value)});\n")
        self.log_path = os.path.join(self.profile, "firefox.log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, MOZ_HEADLESS="1", MOZ_CRASHREPORTER_DISABLE="1")
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
             "--profile", self.profile],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            start_new_session=True)  # a process group of its own, for close() to end
        self.closed = False
        atexit.register(self.close)
        try:
            self.client = Marionette(self._wait_for_port(), timeout_s=START_TIMEOUT_S)
            self.capabilities = self.client.command("WebDriver:NewSession", {"capabilities": {
                "alwaysMatch": {"timeouts": {"script": script_timeout_ms, "pageLoad": 120_000}}}}
            )["capabilities"]
        except Exception:
            self.close()
            raise
        self.page = FirefoxPage(self)

    def _wait_for_port(self):
        path = os.path.join(self.profile, "MarionetteActivePort")
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise MarionetteError(f"Firefox exited ({self.process.returncode}): "
                                      f"{self.log_text()}")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    port = f.read().strip()
                if port:
                    return int(port)
            time.sleep(0.1)
        raise MarionetteError(f"Firefox did not start Marionette in {START_TIMEOUT_S} s: "
                              f"{self.log_text()}")

    @property
    def version(self):
        return self.capabilities["browserVersion"]

    def command(self, name, params=None):
        return self.client.command(name, params)

    def log_text(self):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def close(self):
        """Quits Firefox (or, failing that, kills its process group) and removes its profile;
        also run at exit, should a test run end without closing it."""
        if self.closed:
            return
        self.closed = True
        atexit.unregister(self.close)
        try:
            if getattr(self, "client", None) is not None:
                try:
                    self.client.command("Marionette:Quit", {"flags": ["eForceQuit"]})
                except Exception:  # noqa: BLE001  (gone already, or stuck: killed below)
                    pass
                finally:
                    self.client.close()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # its content processes too
                self.process.wait()
        finally:
            self.log.close()
            shutil.rmtree(self.profile, ignore_errors=True)


#: The script around a Playwright-style expression: a value, or a function called with the
#: argument; a promise is awaited (WebDriver's Execute Script does that).
_EVALUATE = ("const value = ({expression});"
             "return typeof value === 'function' ? value(arguments[0]) : value;")


_LOADED = "url => location.href === url && document.readyState === 'complete'"


class FirefoxPage:
    """The Playwright ``Page`` methods the page's tests use, on Firefox's one tab."""

    def __init__(self, firefox):
        self.firefox = firefox

    def goto(self, url, timeout=60_000):
        """Loads ``url``; returns when its document has loaded (WebDriver's Navigate can
        answer while the previous document is still being replaced)."""
        self.firefox.command("WebDriver:Navigate", {"url": url})
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:  # a script can fail while one document replaces the other
                if self.evaluate(_LOADED, url):
                    break
            except MarionetteError:
                if time.monotonic() > deadline:
                    raise
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load in {timeout} ms")
            time.sleep(0.05)

    @property
    def url(self):
        return self.firefox.command("WebDriver:GetCurrentURL")["value"]

    @property
    def problems(self):
        """The pages' script errors (their workers' too) and console errors since Firefox
        started, from its log (the browser's own messages left out)."""
        return [line for line in self.firefox.log_text().splitlines()
                if line.startswith("console.error:")
                or line.startswith(("JavaScript error: http", "JavaScript error: data:"))]

    def evaluate(self, expression, arg=None):
        return self.firefox.command("WebDriver:ExecuteScript", {
            "script": _EVALUATE.format(expression=expression), "args": [arg]})["value"]

    def wait_for_function(self, expression, arg=None, timeout=30_000):
        deadline = time.monotonic() + timeout / 1000
        while True:
            value = self.evaluate(expression, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"not true after {timeout} ms: {expression}")
            time.sleep(0.05)

    def eval_on_selector(self, selector, function):
        return self.evaluate(f"selector => ({function})(document.querySelector(selector))",
                             selector)

    def eval_on_selector_all(self, selector, function):
        return self.evaluate(f"selector => ({function})([...document.querySelectorAll(selector)])",
                             selector)

    def is_visible(self, selector):
        """As Playwright's: in the document, with a box, and not ``visibility: hidden``."""
        return self.evaluate("""selector => {
            const e = document.querySelector(selector);
            return !!e && e.getClientRects().length > 0
                && getComputedStyle(e).visibility !== 'hidden';
        }""", selector)

    def is_hidden(self, selector):
        return not self.is_visible(selector)

    def _element(self, selector):
        found = self.firefox.command("WebDriver:FindElement",
                                     {"using": "css selector", "value": selector})
        return found["value"][ELEMENT] if "value" in found else found[ELEMENT]

    def click(self, selector):
        """A real click (scrolled into view, at the element's centre), as a user's."""
        self.firefox.command("WebDriver:ElementClick", {"id": self._element(selector)})

    def select_option(self, selector, value):
        """Picks an option as a user does (WebDriver clicks the ``<option>``: change fires)."""
        self.click(f"{selector} option[value={json.dumps(value)}]")

    def press(self, combination):
        """Keys as ``Control+Enter``: the modifiers held while the last key is pressed."""
        *modifiers, key = combination.split("+")
        keys = [KEYS.get(name, name) for name in modifiers] + [KEYS.get(key, key)]
        actions = [{"type": "keyDown", "value": k} for k in keys]
        actions += [{"type": "keyUp", "value": k} for k in reversed(keys)]
        self._keys(actions)

    def type(self, text):
        """Types ``text`` key by key (a newline is the Enter key)."""
        actions = []
        for char in text:
            key = KEYS["Enter"] if char == "\n" else char
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._keys(actions)

    def _keys(self, actions):
        self.firefox.command("WebDriver:PerformActions", {
            "actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self.firefox.command("WebDriver:ReleaseActions")

    def set_viewport(self, width, height, zoom=1):
        """Resizes the window so that the page's viewport is ``width`` x ``height`` CSS
        pixels at ``zoom`` device pixels each. Firefox's windows are at least 450 pixels
        wide: a phone's viewport is a window twice its size at 200 % zoom (as a phone's
        screen of device pixel ratio 2). The zoom is the site's: it stays when another page
        of the same site is loaded."""
        self._set_zoom(1)
        for _ in range(3):
            inner = self.evaluate("[window.innerWidth, window.innerHeight]")
            if inner == [width * zoom, height * zoom]:
                break
            outer = self.firefox.command("WebDriver:GetWindowRect")
            self.firefox.command("WebDriver:SetWindowRect", {
                "width": outer["width"] + width * zoom - inner[0],
                "height": outer["height"] + height * zoom - inner[1]})
        self._set_zoom(zoom)
        inner = self.evaluate("[window.innerWidth, window.innerHeight]")
        if inner != [width, height]:
            raise MarionetteError(f"the viewport is {inner}, not {[width, height]}")

    def _set_zoom(self, zoom):
        """The tab's full zoom (as Ctrl+plus sets it)."""
        self._in_browser_scope("FullZoom.setZoom(arguments[0], gBrowser.selectedBrowser);", zoom)

    def set_offline(self, offline):
        """Firefox's "Work Offline": no request reaches the network (a service worker still
        answers from its cache)."""
        self._in_browser_scope("Services.io.manageOfflineStatus = false;"
                               "Services.io.offline = arguments[0];", offline)

    def _in_browser_scope(self, script, arg):
        """Runs ``script`` in the browser's own (chrome) scope: the reason for
        ``-remote-allow-system-access``."""
        self.firefox.command("Marionette:SetContext", {"value": "chrome"})
        try:
            self.firefox.command("WebDriver:ExecuteScript", {"script": script, "args": [arg]})
        finally:
            self.firefox.command("Marionette:SetContext", {"value": "content"})

    def screenshot(self, path, full_page=False):
        data = self.firefox.command("WebDriver:TakeScreenshot", {"full": full_page, "hash": False})
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["value"]))
