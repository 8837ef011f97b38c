// Enhances one questionnaire that the build rendered as an HTML form, or a block
// of it inside a guidance page: restores and saves answers, shows progress and
// results, and offers print, export, import and start again. Everything it
// needs is found inside the element it is given.

import { fill, itemsById, markMisfit, misfit, readInput } from "./answers.js";
import { score } from "./scoring.js";
import { keptUntil, openStore, siteScope } from "./store.js";
import { download, exportRecord, readAnswersFile, toMarkdown } from "./transfer.js";
import { t, useCatalogue } from "./messages.js";
import * as levels from "./results/levels.js";
import * as bands from "./results/bands.js";
import * as profile from "./results/profile.js";
import * as summary from "./results/summary.js";
import { el } from "./results/common.js";

const VIEWS = { levels, bands, profile, none: summary };

/** root: a questionnaire's element; base: the site's base path ("/", "/a/"), which scopes its saved answers. */
export function enhance(root, base) {
  if (root.dataset.enhanced) return; // document$ may hand us the same page twice
  root.dataset.enhanced = "true";
  const started = performance.now(); // User Timing marks: what benchmarks/run.py reads
  useCatalogue(root);
  const spec = JSON.parse(root.querySelector("template[data-spec]").content.textContent);
  const view = VIEWS[spec.scoring.method];
  const items = itemsById(spec);
  const form = root.querySelector("[data-form]");
  const status = root.querySelector("[data-status]");
  const progress = root.querySelector("[data-progress] progress");
  const progressText = root.querySelector("[data-progress-text]");
  const resultsBody = root.querySelector("[data-results-body]");
  const store = openStore(spec, siteScope(base));
  let answers = store.read();
  let kept = store.where; // where the reader was last told the answers are: told once, not at every change

  function say(...sentences) {
    const text = sentences.filter(Boolean).join(" ");
    status.textContent = text;
    status.hidden = !text;
    // Answers that could not be saved are offered for export right where the reader is told so.
    if (store.where !== "local" && Object.keys(store.read()).length) {
      status.append(" ", el("button", { type: "button", class: "md-button", "data-action": "export" }, t("exportJson")));
    }
  }

  function update() {
    const result = score(spec, answers);
    if (progress) {
      progress.value = result.answered;
      progressText.textContent = t("progress", { answered: result.answered, total: result.total });
    }
    if (resultsBody) view.render(resultsBody, spec, result, root, answers);
    return result;
  }

  function saved(where) {
    if (where !== kept) say(where === "local" ? t("storageBack") : t("storageFull"), where === "local" ? "" : keptUntil(where));
    kept = where;
    answers = store.read();
    update();
  }

  function onEdit(event) {
    const input = event.target;
    const item = items.get(input.name);
    if (!item || (input.type === "radio" && !input.checked)) return;
    const start = performance.now();
    const reason = misfit(item, input);
    if (input.type !== "radio") markMisfit(input, reason);
    if (!reason) saved(store.update({ [item.id]: readInput(item, input) }));
    performance.measure("mentorkit:answer", { start });
  }
  form.addEventListener("change", onEdit);
  form.addEventListener("input", (event) => {
    if (event.target.type !== "radio") onEdit(event); // typing is saved as it happens
  });

  function show() {
    kept = store.where;
    answers = store.read();
    fill(form, spec, answers);
    update();
  }

  // One listener on the element for its buttons, the export offered in a notice among them.
  const actions = {
    reset() {
      if (!window.confirm(t("confirmReset"))) return;
      const cleared = store.clear();
      show();
      say(t(cleared ? "cleared" : "clearFailed"));
    },
    print: () => window.print(),
    export() {
      const record = exportRecord(spec, answers, score(spec, answers));
      download(`${spec.id}-answers-${record.exported_at.slice(0, 10)}.json`, JSON.stringify(record, null, 2), "application/json");
    },
    "export-markdown"() {
      const text = toMarkdown(spec, answers, view.summary(spec, score(spec, answers)));
      download(`${spec.id}-${new Date().toISOString().slice(0, 10)}.md`, text, "text/markdown");
    },
  };
  root.addEventListener("click", (event) => {
    const action = event.target.closest?.("button[data-action]")?.dataset.action;
    if (Object.hasOwn(actions, action)) actions[action]();
  });

  const importInput = root.querySelector('[data-action="import"]');
  importInput?.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = ""; // the same file can be chosen again
    if (!file) return;
    const read = await readAnswersFile(spec, file);
    if (read.error) return say(read.error);
    const current = Object.keys(answers).length;
    const incoming = Object.keys(read.answers).length;
    if (current && !window.confirm(t("confirmImport", { current, incoming }))) return say(t("importCancelled"));
    const where = store.replace(read.answers);
    show();
    const ignored = read.ignored ? t("importIgnored", { ignored: read.ignored }) : "";
    if (where === "local") say(t("imported", { incoming }), ignored);
    else say(t("importedUnsaved", { incoming }), ignored, keptUntil(where));
  });

  // Another tab (or another block of this questionnaire) saved: show its answers
  // here rather than keep a stale copy that would hide them.
  function onStorage(event) {
    if (!root.isConnected) return window.removeEventListener("storage", onStorage); // the page has gone
    if ((event.key !== store.key && event.key !== null) || store.where !== "local") return; // unsaved answers here are newer
    answers = store.read();
    fill(form, spec, answers, true);
    update();
    say(t("changedElsewhere"));
  }
  window.addEventListener("storage", onStorage);

  fill(form, spec, answers);
  say(...store.notices);
  for (const hidden of root.querySelectorAll("[data-progress], [data-results], [data-actions]")) hidden.hidden = false;
  update();
  performance.measure("mentorkit:enhance", { start: started });
}
