// The page's Python: Pyodide in a Web Worker, so that the page stays responsive and a
// runaway script can be stopped (the page terminates this worker and starts another).
// Every answer is the plain dict of paramscope.web (src/paramscope/web.py), as JSON.
/* global importScripts, loadPyodide */
"use strict";

importScripts("pyodide/pyodide.js");

const started = performance.now();
let session = null;

function fetchOk(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response;
  });
}

async function start() {
  // The wheel downloads while Pyodide starts (not after it).
  const build = fetchOk("build.json").then((response) => response.json());
  const wheel = build.then((info) => fetchOk(info.wheel)).then((response) => response.arrayBuffer());
  wheel.catch(() => {});  // a failure is reported where it is awaited
  const pyodide = await loadPyodide({
    indexURL: new URL("pyodide/", self.location.href).href,
    stdout: () => {},  // the glue captures what scripts print
    stderr: () => {},
  });
  pyodide.setStdin({ error: true });  // input() in a script fails instead of blocking
  const pyodideReady = performance.now();
  pyodide.unpackArchive(await wheel, "wheel");
  pyodide.runPython("import paramscope.web\nsession = paramscope.web.Session()");
  session = pyodide.globals.get("session");
  return {
    paramscope: (await build).paramscope,
    pyodide: (await build).pyodide,
    python: pyodide.runPython("import sys; sys.version.split()[0]"),
    timings: {
      pyodide_ms: pyodideReady - started,
      paramscope_ms: performance.now() - pyodideReady,
      worker_ms: performance.now() - started,
    },
  };
}

const ready = start();

ready.then(
  (info) => postMessage({ type: "ready", ...info }),
  (error) => postMessage({ type: "failed", error: String(error && error.message || error) }),
);

function answer(pyResult) {
  return JSON.parse(pyResult);
}

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  await ready;
  const t0 = performance.now();
  let result;
  try {
    if (method === "read_file") {
      result = answer(session.call_json(method, JSON.stringify({ name: args.name, options: args.options }),
                                        new Uint8Array(args.data)));
    } else {
      result = answer(session.call_json(method, JSON.stringify(args)));
    }
  } catch (error) {  // an error of the glue itself (a bug): keep the page usable
    result = { ok: false, internal: true, error: "paramscope: internal error: " + String(error.message || error) };
  }
  result.worker_ms = performance.now() - t0;
  postMessage({ type: "result", id, result });
};
