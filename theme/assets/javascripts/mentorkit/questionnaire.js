// Enhances one questionnaire that the build rendered as an HTML form: restores
// and saves answers, shows progress and results, and offers export, import and
// start again. Everything it needs is found inside the element it is given.

import { score } from "./scoring.js";
import { openStore } from "./store.js";
import { renderResults } from "./results.js";
import { exportRecord, download, readAnswersFile } from "./transfer.js";
import { t } from "./messages.js";

function fill(form, answers) {
  for (const input of form.querySelectorAll('input[type="radio"]')) {
    input.checked = answers[input.name] === Number(input.value);
  }
}

export function enhance(root) {
  if (root.dataset.enhanced) return; // document$ may hand us the same page twice
  root.dataset.enhanced = "true";
  const spec = JSON.parse(root.querySelector("template[data-spec]").content.textContent);
  const form = root.querySelector("[data-form]");
  const status = root.querySelector("[data-status]");
  const progress = root.querySelector("[data-progress] progress");
  const progressText = root.querySelector("[data-progress-text]");
  const results = root.querySelector("[data-results]");
  const store = openStore(spec);
  let answers = store.answers;

  function say(...sentences) {
    const text = sentences.filter(Boolean).join(" ");
    status.textContent = text;
    status.hidden = !text;
  }

  function update() {
    const result = score(spec, answers);
    progress.value = result.answered;
    progressText.textContent = t("progress", { answered: result.answered, total: result.total });
    renderResults(root.querySelector("[data-results-body]"), spec, result, root);
    return result;
  }

  function persist() {
    if (!store.save(answers)) say(t("storageFull"));
  }

  function replaceAll(next) {
    answers = next;
    fill(form, answers);
    persist();
    update();
  }

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "radio") return;
    answers[input.name] = Number(input.value);
    persist();
    update();
  });

  root.querySelector('[data-action="reset"]').addEventListener("click", () => {
    if (!window.confirm(t("confirmReset"))) return;
    store.clear();
    replaceAll(Object.create(null));
    say(t("cleared"));
  });

  root.querySelector('[data-action="export"]').addEventListener("click", () => {
    download(spec, exportRecord(spec, { ...answers }, score(spec, answers)));
  });

  const importInput = root.querySelector('[data-action="import"]');
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = ""; // the same file can be chosen again
    if (!file) return;
    const read = await readAnswersFile(spec, file);
    if (read.error) return say(read.error);
    const current = Object.keys(answers).length;
    const incoming = Object.keys(read.answers).length;
    if (current && !window.confirm(t("confirmImport", { current, incoming }))) return say(t("importCancelled"));
    replaceAll(read.answers);
    say(t("imported", { incoming }), read.ignored ? t("importIgnored", { ignored: read.ignored }) : "");
  });

  fill(form, answers);
  say(...store.notices);
  for (const hidden of root.querySelectorAll("[data-progress], [data-results], [data-actions]")) hidden.hidden = false;
  update();
}
