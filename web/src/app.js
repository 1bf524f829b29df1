// paramscope's page: the editor, the Python worker, the results. No framework, no network:
// every file comes from the page's own folder (and, once loaded, from the service worker).
/* global CodeMirror */
import { decodeCode, makeFragment, readFragment } from "./share.js";
import { renderProfilePanel } from "./profile.js";

const $ = (id) => document.getElementById(id);
const STOP_AFTER_MS = 700;  // the Stop button appears when a run takes longer than this

// What the tests and the benchmark read (bench/web.py): load and run times, in ms.
const page = {
  timings: { navigationToReady: null, worker: null, runs: [] },
  ready: false,
  running: false,
  lastResult: null,
};
window.paramscopePage = page;

// ---------------------------------------------------------------------------------------
// The Python worker

class PythonWorker {
  constructor(onReady, onFailed) {
    this.pending = new Map();
    this.nextId = 1;
    this.worker = new Worker("worker.js");
    this.worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "ready") onReady(message);
      else if (message.type === "failed") onFailed(message.error);
      else if (message.type === "result") {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (resolve) resolve(message.result);
      }
    };
    this.worker.onerror = (event) => onFailed(event.message || "the Python worker failed to start");
  }

  call(method, args) {
    const id = this.nextId++;
    const transfer = args.data instanceof ArrayBuffer ? [args.data] : [];
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, method, args }, transfer);
    });
  }

  terminate() {
    this.worker.terminate();
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }
}

let python = null;

function startPython() {
  page.ready = false;
  setStatus("loading", "Loading Python…");
  $("run").disabled = true;
  python = new PythonWorker(onPythonReady, (error) => {
    setStatus("error", "Python failed to load");
    showError({ error: `The page's Python could not start: ${error}` });
  });
}

function onPythonReady(info) {
  page.ready = true;
  if (page.timings.navigationToReady === null) {
    page.timings.navigationToReady = performance.now();
    page.timings.worker = info.timings;
    registerServiceWorker();  // after the first load: its copy of the site does not compete with it
  }
  $("versions").textContent =
    `paramscope ${info.paramscope} · Python ${info.python} · Pyodide ${info.pyodide}`;
  setStatus("ready", "Ready");
  $("run").disabled = false;
  $("placeholder").textContent = "Press Run (Ctrl+Enter) to see the summary.";
  if (pendingRun) {
    pendingRun = false;
    run();
  }
}

function setStatus(kind, text) {
  $("status").dataset.state = kind;
  $("status-text").textContent = text;
}

// ---------------------------------------------------------------------------------------
// The editor (CodeMirror 5)

let editor;
let markedLine = null;

function createEditor() {
  editor = CodeMirror.fromTextArea($("code"), {
    mode: "python",
    lineNumbers: true,
    indentUnit: 4,
    tabSize: 4,
    lineWrapping: false,
    gutters: ["CodeMirror-linenumbers", "error-gutter"],
    extraKeys: {
      "Ctrl-Enter": () => run(),
      "Cmd-Enter": () => run(),
      Tab: (cm) => (cm.somethingSelected() ? cm.indentSelection("add") : cm.replaceSelection("    ")),
      "Shift-Tab": (cm) => cm.indentSelection("subtract"),
    },
  });
  editor.on("change", () => clearMarkedLine());
  page.editor = editor;
}

function markLine(line) {
  clearMarkedLine();
  const index = line - 1;
  if (index < 0 || index >= editor.lineCount()) return;
  markedLine = editor.getLineHandle(index);
  editor.addLineClass(markedLine, "wrap", "error-line");
  const marker = document.createElement("span");
  marker.className = "error-marker";
  marker.textContent = "●";
  marker.title = "the error is here";
  editor.setGutterMarker(markedLine, "error-gutter", marker);
  editor.scrollIntoView({ line: index, ch: 0 }, 80);
}

function clearMarkedLine() {
  if (markedLine === null) return;
  editor.removeLineClass(markedLine, "wrap", "error-line");
  editor.setGutterMarker(markedLine, "error-gutter", null);
  markedLine = null;
}

// ---------------------------------------------------------------------------------------
// Examples and the URL fragment

let examples = [];
let pendingRun = false;

async function loadExamples() {
  examples = await (await fetch("examples.json")).json();
  const select = $("examples");
  const groups = new Map();
  for (const example of examples) {
    if (!groups.has(example.group)) {
      const group = document.createElement("optgroup");
      group.label = example.group;
      groups.set(example.group, group);
      select.append(group);
    }
    groups.get(example.group).append(new Option(example.title, example.id));
  }
  const custom = new Option("Your code", "");
  custom.hidden = true;
  select.prepend(custom);
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.id === select.value);
    if (example) {
      setCode(example.code);
      run();
    }
  });
}

function exampleFor(code) {
  return examples.find((e) => e.code === code);
}

function setCode(code) {
  editor.setValue(code);
  editor.clearHistory();
  syncExampleMenu();
}

function syncExampleMenu() {
  const example = exampleFor(editor.getValue());
  $("examples").value = example ? example.id : "";
}

async function updateFragment() {
  const code = editor.getValue();
  const example = exampleFor(code);
  const fragment = await makeFragment({ code, example: example && example.id, style: $("style").value });
  if (location.hash !== fragment) history.replaceState(null, "", fragment);
}

async function applyFragment() {
  const state = readFragment(location.hash);
  if (state.style && [...$("style").options].some((o) => o.value === state.style)) {
    $("style").value = state.style;
  }
  const example = state.example && examples.find((e) => e.id === state.example);
  if (example) {
    setCode(example.code);
    return true;
  }
  if (state.code) {
    try {
      setCode(await decodeCode(state.code));
      return true;
    } catch (error) {
      showError({ error: `This link's code cannot be read: ${error.message}` });
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Running code and reading files

async function run() {
  if (!page.ready) {
    pendingRun = true;
    return;
  }
  if (page.running) return;
  page.running = true;  // at once: a second Ctrl+Enter while the link is written does nothing
  syncExampleMenu();
  await updateFragment();
  await runInPython("run_code", { code: editor.getValue() }, "model.py");
}

async function runInPython(method, args, label) {
  page.running = true;
  clearMarkedLine();
  setStatus("running", "Running…");
  $("run").disabled = true;
  const stopTimer = setTimeout(() => { $("stop").hidden = false; }, STOP_AFTER_MS);
  const started = performance.now();
  page.runStartedAt = started;
  const result = await python.call(method, { ...args, options: displayOptions() });
  const elapsed = performance.now() - started;
  clearTimeout(stopTimer);
  $("stop").hidden = true;
  page.running = false;
  if (result === null) return;  // stopped
  page.timings.runs.push({ method, label, ms: elapsed, python_ms: result.elapsed_ms });
  setStatus("ready", "Ready");
  $("run").disabled = false;
  showResult(result, elapsed, label);
}

function stop() {
  const seconds = ((performance.now() - page.runStartedAt) / 1000).toFixed(1);
  python.terminate();
  page.running = false;
  $("stop").hidden = true;
  showError({ error: `Stopped after ${seconds} s: the script had not finished. Python is restarting; your code is unchanged.` });
  startPython();
}

function displayOptions() {
  return { show_trainable: $("opt-trainable").checked, expand_nested: $("opt-nested").checked,
           style: $("style").value };
}

async function rerender() {
  if (!page.lastResult || !page.ready || page.running) return;
  await runInPython("render", {}, page.lastLabel);
}

const H5_NOTE = "Legacy .h5 files need h5py, which the Python in this page (Pyodide) does not " +
  "include: it has no HDF5 library. Use the command line (pip install 'paramscope[h5]', then " +
  "paramscope summary FILE.h5), or save the model as .keras (model.save(\"model.keras\")) " +
  "or as JSON (model.to_json()) and drop that here.";

async function openFile(file) {
  if (!file) return;
  if (/\.py$/i.test(file.name)) {
    setCode(await file.text());
    showNotes(`Loaded ${file.name} into the editor: press Run to summarise it.`);
    return;
  }
  if (!page.ready || page.running) {
    showNotes(page.ready ? "A run is in progress: drop the file again when it has finished."
      : "Python is still loading: drop the file again in a moment.");
    return;
  }
  const data = await readWithFileReader(file);
  await runInPython("read_file", { name: file.name, data }, file.name);
}

function readWithFileReader(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

// ---------------------------------------------------------------------------------------
// Showing results

function showResult(result, elapsed, label) {
  // A skipped import (the CLI's note: "skipped (needs package numpy, which is not installed)").
  const skipped = /needs package ([\w.]+), which is not installed/.exec(result.notes || "");
  showNotes((result.notes || "") + (skipped ? "\n" + missingPackageNote(skipped[1]) : ""));
  const output = (result.output || "").replace(/\s+$/, "");
  $("output").hidden = !output;
  $("output-text").textContent = output;
  if (!result.ok) {
    page.lastResult = null;
    $("result").hidden = true;
    $("placeholder").hidden = true;
    showError(result, label);
    return;
  }
  hideError();
  page.lastResult = result;
  if (label) page.lastLabel = label;
  $("placeholder").hidden = true;
  $("result").hidden = false;
  const fromFile = page.lastLabel && page.lastLabel !== "model.py";
  $("model-title").textContent = result.table.title + (fromFile ? ` · ${page.lastLabel}` : "");
  $("source-note").hidden = !fromFile;
  $("source-note").textContent = fromFile
    ? `From the file ${page.lastLabel}, read in your browser (nothing uploaded, nothing in it run); the code on the left was not run.`
    : "";
  $("timing").textContent = `${Math.round(elapsed)} ms`;
  renderTotals(result.table.totals);
  renderTable(result.table);
  // The lines --explain prints; their heading is the page's own.
  $("explain").textContent = result.explain.filter((l) => l !== "Parameter arithmetic:").join("\n");
  $("summary-json").textContent = result.json_text;
  renderText();
  renderProfilePanel($("profile"), result, python);
}

function renderTotals(totals) {
  const box = $("totals");
  box.replaceChildren();
  for (const [label, value] of totals) {
    const card = document.createElement("div");
    card.className = "total";
    const [count, size] = value.split(" (");
    card.innerHTML = "<span class=label></span><span class=count></span><span class=size></span>";
    card.querySelector(".label").textContent = label.replace(/:$/, "");
    card.querySelector(".count").textContent = count;
    card.querySelector(".size").textContent = size ? size.replace(/\)$/, "") : "";
    box.append(card);
  }
}

function renderTable(table) {
  const element = $("summary-table");
  element.replaceChildren();
  const head = element.createTHead().insertRow();
  table.header.forEach((text, i) => {
    const th = document.createElement("th");
    th.textContent = text;
    th.className = `align-${table.align[i]}`;
    th.scope = "col";
    head.append(th);
  });
  const body = element.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    tr.dataset.layer = row.name;
    if (row.explain.length) tr.title = row.explain.join("\n");
    row.cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.className = `align-${table.align[i]} col-${i}`;
      if (i === 0) {
        td.style.paddingLeft = `${0.6 + row.level * 1.4}em`;
        const match = /^(.*) \((.*)\)$/.exec(text);
        const name = document.createElement("span");
        name.className = "layer-name";
        name.textContent = (row.level ? "└ " : "") + (match ? match[1] : text);
        td.append(name);
        if (match) {
          const cls = document.createElement("span");
          cls.className = "layer-class";
          cls.textContent = ` (${match[2]})`;
          td.append(cls);
        }
      } else {
        td.textContent = text;
      }
    });
  }
  const foot = element.createTFoot();
  for (const [label, value] of table.totals) {
    const td = foot.insertRow().insertCell();
    td.colSpan = table.header.length;
    td.textContent = `${label} ${value}`;
  }
}

function renderText() {
  if (!page.lastResult) return;
  $("summary-text").textContent = page.lastResult.text[$("style").value] ?? "";
}

function showError(result, label) {
  $("error").hidden = false;
  $("error-text").textContent = result.error;
  $("error-details").hidden = !result.traceback;
  $("error-traceback").textContent = result.traceback || "";
  if (result.line && label === "model.py") markLine(result.line);
  const missing = /No module named '([\w.]+)'/.exec(result.error);
  if (label && /\.(h5|hdf5)$/i.test(label) && /h5py/.test(result.error)) {
    showNotes(H5_NOTE);
  } else if (missing) {
    showNotes(missingPackageNote(missing[1]));
  }
}

/** A script's import of a package the page's Python lacks (numpy, pandas...): what that means. */
function missingPackageNote(name) {
  return `The Python in this page has its standard library and paramscope only: ${name} ` +
    "is not available here. paramscope needs no numpy or TensorFlow to summarise a model; " +
    "for a script that prepares data with other packages, use the command line " +
    "(pip install paramscope, then paramscope summary script.py).";
}

function hideError() {
  $("error").hidden = true;
  $("error-text").textContent = "";
}

function showNotes(text) {
  const trimmed = text.replace(/\s+$/, "");
  $("notes").hidden = !trimmed;
  $("notes-text").textContent = trimmed;
}

// ---------------------------------------------------------------------------------------
// Tabs, copy, download, share, drag and drop

function selectTab(tab) {
  for (const other of document.querySelectorAll("[role=tab]")) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    $(other.dataset.panel).hidden = !selected;
  }
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    flash(button, "Copied");
  } catch {
    flash(button, "Copy failed: select the text");
  }
}

function flash(button, text) {
  const saved = button.dataset.label || button.textContent;
  button.dataset.label = saved;
  button.textContent = text;
  setTimeout(() => { button.textContent = saved; }, 1500);
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function setUpDragAndDrop() {
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    depth++;
    $("drop").hidden = false;
  });
  window.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) $("drop").hidden = true;
  });
  window.addEventListener("dragover", (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  window.addEventListener("drop", (event) => {
    depth = 0;
    $("drop").hidden = true;
    if (!hasFiles(event)) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });
}

function setUpControls() {
  $("run").addEventListener("click", () => run());
  $("stop").addEventListener("click", () => stop());
  $("share").addEventListener("click", async () => {
    await updateFragment();
    copyText(location.href, $("share"));
  });
  $("file").addEventListener("change", (event) => {
    openFile(event.target.files[0]);
    event.target.value = "";
  });
  for (const tab of document.querySelectorAll("[role=tab]")) {
    tab.addEventListener("click", () => selectTab(tab));
  }
  $("style").addEventListener("change", () => {
    // Code is built as the Keras of the style (tf.keras for the Keras 2 styles, as
    // `paramscope summary --style keras2` builds it): another Keras means running it again.
    const semantics = $("style").value.startsWith("keras2") ? "keras2" : "keras3";
    if (page.lastLabel === "model.py" && page.lastResult?.semantics
        && page.lastResult.semantics !== semantics && page.ready && !page.running) {
      run();
      return;
    }
    renderText();
    if (page.lastLabel === "model.py") updateFragment();
  });
  $("opt-trainable").addEventListener("change", rerender);
  $("opt-nested").addEventListener("change", rerender);
  $("copy-text").addEventListener("click", () => copyText($("summary-text").textContent, $("copy-text")));
  $("download-json").addEventListener("click", () => {
    const name = (page.lastResult?.summary?.name || "model") + ".summary.json";
    download(name, $("summary-json").textContent);
  });
  document.addEventListener("keydown", (event) => {  // Ctrl+Enter anywhere (the editor has its own)
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && !event.defaultPrevented) {
      event.preventDefault();
      run();
    }
  });
  window.addEventListener("hashchange", async () => {
    if (await applyFragment()) run();
  });
  setUpDragAndDrop();
}

// The service worker keeps every file of the site for offline use. It is registered once
// Python is ready, not at the start: its download of the whole site would otherwise run
// beside the page's own first load (the whole site a second time, at once); afterwards the
// browser's HTTP cache has most of it.
function registerServiceWorker() {
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register("sw.js").catch(() => {});  // offline use is a bonus
  }
}

async function main() {
  startPython();
  createEditor();
  setUpControls();
  await loadExamples();
  if (!(await applyFragment())) setCode(examples[0].code);
  run();  // runs as soon as Python is ready
}

main();
