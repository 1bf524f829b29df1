// The compute and memory panel: MACs/FLOPs and the memory to train, for a batch size and an
// optimizer. It appears only when this paramscope has `paramscope.profile` (issue 11): the
// glue says so in `profile_available`, and answers the worker's "profile" call with the JSON
// of `paramscope profile --format json` (paramscope.web.profile_figures). Until then the
// panel stays hidden: nothing here is shown without real figures.

const OPTIMIZERS = ["adam", "adamw", "sgd", "rmsprop", "adagrad", "adadelta", "adamax", "nadam",
  "adafactor", "ftrl", "lion", "lamb"];

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

function figures(profile) {
  const memory = profile.memory || {};
  return [
    ["MACs per sample", profile.macs === null ? "?" : number.format(profile.macs)],
    ["FLOPs per sample (2 × MACs)", profile.flops === null ? "?" : number.format(profile.flops)],
    ["Weights", bytes(memory.weights_bytes)],
    ["Gradients", bytes(memory.gradients_bytes)],
    [`Optimizer state (${memory.optimizer || "?"})`, bytes(memory.optimizer_bytes)],
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
    for (const name of OPTIMIZERS) select.append(new Option(name, name));
    panel.querySelector("[data-role=batch]").addEventListener("change", () => update(panel, python));
    select.addEventListener("change", () => update(panel, python));
    panel.dataset.built = "1";
  }
  update(panel, python);
}

async function update(panel, python) {
  const batch = Number(panel.querySelector("[data-role=batch]").value);
  const optimizer = panel.querySelector("[data-role=optimizer]").value;
  const answer = await python.call("profile", { batch_size: batch, optimizer });
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
