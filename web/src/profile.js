// The compute and memory panel: MACs/FLOPs and the memory to train, for a batch size and an
// optimizer. It appears only when this paramscope has `paramscope.profile` (issue 11): the
// glue says so in `profile_available`, and answers the worker's "profile" call with the JSON
// of `paramscope profile --format json` (paramscope.web.profile_figures). A paramscope
// without it leaves the panel hidden: nothing here is shown without real figures.

// The first choice is the model's own: the optimizer the code passed to model.compile (a
// file's compile config), else adam, as `paramscope profile` chooses without --optimizer.
const OPTIMIZERS = [["", "as compiled (else adam)"], ...["adam", "adamw", "sgd", "rmsprop",
  "adagrad", "adadelta", "adamax", "nadam", "adafactor", "ftrl", "lion", "lamb", "muon"]
  .map((name) => [name, name])];

const number = new Intl.NumberFormat("en-US");

function bytes(value) {
  if (value === null || value === undefined) return "?";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let size = value;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(2)} ${units[unit]}`;
}

/** A count in the profile table's units (3.87 G, 569.4 M), with the exact number beside it. */
function count(value) {
  if (value === null || value === undefined) return "? (an unknown dimension)";
  const units = [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "K"]];
  const [scale, unit] = units.find(([limit]) => value >= limit) || [1, ""];
  const short = unit ? `${(value / scale).toPrecision(4).replace(/\.?0+$/, "")} ${unit} · ` : "";
  return short + number.format(value);
}

function figures(profile) {
  const memory = profile.memory || {};
  return [
    ["MACs per sample", count(profile.macs)],
    ["FLOPs per sample (2 × MACs)", count(profile.flops)],
    ["Weights", bytes(memory.weights_bytes)],
    ["Gradients", bytes(memory.gradients_bytes)],
    [`Optimizer state (${memory.optimizer_class || "?"}; ${memory.optimizer_source || ""})`,
      bytes(memory.optimizer_bytes)],
    [`Activations (batch of ${profile.batch_size})`, bytes(memory.activations_bytes)],
    ["Training, estimated", bytes(memory.training_bytes)],
    ["Inference, estimated", bytes(memory.inference_bytes)],
  ];
}

export function renderProfilePanel(panel, result, python) {
  panel.hidden = !result.profile_available;
  if (!result.profile_available) return;
  if (!panel.dataset.built) {
    panel.innerHTML = `<h3>Compute and memory</h3>
      <div class="profile-controls">
        <label>Batch size <input type="number" min="1" value="1" data-role="batch"></label>
        <label>Optimizer <select data-role="optimizer"></select></label>
      </div>
      <dl class="profile-figures" data-role="figures"></dl>
      <p class="fine" data-role="message"></p>`;
    const select = panel.querySelector("[data-role=optimizer]");
    for (const [value, label] of OPTIMIZERS) select.append(new Option(label, value));
    panel.querySelector("[data-role=batch]").addEventListener("change", () => update(panel, python));
    select.addEventListener("change", () => update(panel, python));
    panel.dataset.built = "1";
  }
  update(panel, python);
}

async function update(panel, python) {
  const batch = Number(panel.querySelector("[data-role=batch]").value);
  const optimizer = panel.querySelector("[data-role=optimizer]").value;
  if (!Number.isInteger(batch) || batch < 1) {
    panel.querySelector("[data-role=message]").textContent = "The batch size is a whole number, 1 or more.";
    return;
  }
  const answer = await python.call("profile", { batch_size: batch, optimizer: optimizer || null });
  const list = panel.querySelector("[data-role=figures]");
  const message = panel.querySelector("[data-role=message]");
  list.replaceChildren();
  message.textContent = "";
  if (!answer || !answer.ok) {
    message.textContent = answer ? answer.error : "";
    return;
  }
  for (const [label, value] of figures(answer.profile)) {
    const term = document.createElement("dt");
    term.textContent = label;
    const detail = document.createElement("dd");
    detail.textContent = value;
    list.append(term, detail);
  }
}
