// What the buttons of a questionnaire's page do, through one listener on its element (the export
// a notice offers among them): start again, print, and those that make or read a file (export the
// answers, a backup or a Markdown summary, save a record set aside), with its file input, import.
// Those load when first used, with export and import (files.js, in runtime/transfer.js).

import { onDemand } from "./demand.js";
import { t } from "./messages.js";

// The bundle beside this one (runtime/transfer.js; this module is only ever run bundled, and
// bundles sit side by side in mentorkit-runtime/).
const transferModule = new URL("./transfer.js", import.meta.url).href;

/**
 * @param {import("./questionnaire.js").Page} page
 * @param {{ print: (resultsOnly: boolean) => void, restart: () => void }} moves `print`: the page, or
 *   its results only (paper.js); `restart`: the reader taken to the start, after starting again (wayfinding.js)
 */
export function actions(page, { print, restart }) {
  const { root, store, say, show, status, signal, unloaded } = page;
  // Loading begins when the reader nears the buttons that need it (or the export a notice offers).
  /** @type {() => Promise<typeof import("./runtime/transfer.js")>} */
  const loadTransfer = onDemand(transferModule, [root.querySelector("[data-actions]"), status], signal);
  async function files() {
    const module = await loadTransfer();
    module.useCatalogue(root);
    return module;
  }

  const acts = {
    reset() {
      if (!window.confirm(t("confirmReset"))) return;
      const cleared = store.clear();
      show();
      say(t(cleared ? "cleared" : "clearFailed"));
      restart();
    },
    print: () => print(false),
    "print-results": () => print(true),
    "download-unreadable": async () => (await files()).saveUnreadable(page),
    export: async () => (await files()).exportAnswers(page, "answers", false),
    "export-backup": async () => (await files()).exportAnswers(page, "backup", true),
    "export-markdown": async () => (await files()).exportMarkdown(page),
  };
  root.addEventListener("click", (event) => {
    // closest is absent on a text node or the document
    const action = /** @type {HTMLButtonElement | null | undefined} */ (
      /** @type {Element} */ (event.target).closest?.("button[data-action]")
    )?.dataset.action;
    // undefined is looked up as "undefined", which no action is; an own key names an action
    if (Object.hasOwn(acts, /** @type {string} */ (action)))
      Promise.resolve(acts[/** @type {keyof typeof acts} */ (action)]()).catch(unloaded);
  });

  const input = /** @type {HTMLInputElement | null} */ (root.querySelector('[data-action="import"]'));
  input?.addEventListener("change", async () => {
    const file = /** @type {FileList} */ (input.files)[0]; // a file input's
    input.value = ""; // the same file can be chosen again
    if (!file) return;
    // Not loaded: said (unless the page is being left), and nothing more to do.
    const loaded = await files().catch(() => {
      unloaded();
      return null;
    });
    await loaded?.importFile(page, file);
  });
}
