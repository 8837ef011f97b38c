// Questions to consider, on guidance pages and on their own page: an answer typed under a question
// becomes a dated reflection in the journal, tied to its question; the box shows the latest one,
// which typing keeps current. "Write another answer" starts a new entry, so the journal keeps every
// answer over time. On the page of all the questions, they can be shown by role.

import { el } from "../dom.js";
import { formatDate, today } from "../format.js";
import { newId } from "../lists.js";
import { t, useCatalogue } from "../messages.js";
import { siteScope } from "../store.js";
import { dateOf, newestFirst } from "./entries.js";
import { migrateReflections } from "./migrate.js";
import { openJournal } from "./storage.js";

/** A prompts questionnaire's page (or its questions on a guidance page), its answers kept in the journal.
 * @param {HTMLElement} root @param {{ signal?: AbortSignal, base: string }} page */
export function enhancePrompts(root, { signal, base }) {
  const began = performance.now();
  useCatalogue(root);
  // The spec the build writes into the page: a prompts questionnaire's, with its journal's.
  /** @type {PromptsSpec & { journal: JournalSpec }} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const scope = siteScope(base);
  const kept = openJournal(spec.journal, scope, signal);
  const { journal } = kept;
  const { kind, answer } = spec.scoring;
  const dateItem = journal.kinds.get(kind).entry.date;
  const status = /** @type {HTMLElement} */ (root.querySelector("[data-status]"));
  /** @param {...string} sentences */
  const say = (...sentences) => {
    status.textContent = sentences.filter(Boolean).join(" ");
  };
  const boxes = [
    .../** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (
      root.querySelectorAll("[data-form] textarea, [data-form] input[type=text]")
    ),
  ];
  /** @type {Map<string, Entry>} */
  const writing = new Map(); // prompt -> the entry its box writes to (kept while the box is empty, for undo)

  /** @param {HTMLInputElement | HTMLTextAreaElement} box */
  const promptOf = (box) => `${spec.id}/${box.name}`;
  /** @param {string} prompt @returns {Entry | undefined} */
  const latest = (prompt) =>
    newestFirst(
      journal,
      kept.read().entries.filter((entry) => entry.prompt === prompt),
    )[0];

  /** @param {HTMLInputElement | HTMLTextAreaElement} box */
  function noteFor(box) {
    const holder = /** @type {Element} */ (box.closest("[data-item]")); // every box is in its item
    let note = holder.querySelector("[data-prompt-note]");
    if (!note) {
      note = el("p", { class: "mk-item__hint", "data-prompt-note": "", id: `${box.id}-note` });
      holder.append(note);
      box.setAttribute("aria-describedby", `${box.getAttribute("aria-describedby") || ""} ${note.id}`.trim());
    }
    return note;
  }

  /** @param {HTMLInputElement | HTMLTextAreaElement} box @param {Entry | null | undefined} entry @param {string} [sentence] */
  function showNote(box, entry, sentence = "") {
    const note = noteFor(box);
    note.replaceChildren();
    if (sentence) note.append(sentence, " ");
    if (entry) {
      note.append(
        t("promptSaved", { date: formatDate(dateOf(journal, entry)) }),
        " ",
        el("button", { type: "button", class: "mk-link-button", "data-another": box.name }, t("promptAnotherAnswer")),
      );
    }
  }

  /** Show each question's latest answer, except in the box being typed in (what is typed is newer). */
  function fill() {
    for (const box of boxes) {
      const entry = writing.get(promptOf(box)) ?? latest(promptOf(box));
      if (document.activeElement !== box) box.value = /** @type {string | undefined} */ (entry?.fields[answer]) ?? ""; // a text
      if (entry && entry.fields[answer] !== undefined) writing.set(promptOf(box), entry);
      showNote(box, entry && entry.fields[answer] !== undefined ? entry : null);
    }
  }

  /** @type {HTMLElement} */ (root.querySelector("[data-form]")).addEventListener("input", (event) => {
    const box = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target); // one of the boxes, or else left alone
    if (!boxes.includes(box)) return;
    const prompt = promptOf(box);
    const before = writing.get(prompt);
    if (box.value.trim() === "") {
      if (before && kept.read().entries.some((entry) => entry.id === before.id)) {
        if (!kept.remove(before.id)) return showNote(box, before, t("promptNotSaved"));
        showNote(box, null, t("promptRemoved"));
      }
      return; // typing again brings the same entry back, with its date
    }
    const now = new Date().toISOString();
    const entry = before
      ? { ...before, fields: { ...before.fields, [answer]: box.value }, updated: now }
      : { id: newId(), kind, fields: { [dateItem]: today(), [answer]: box.value }, tags: [], prompt, created: now, updated: now };
    if (!kept.put(entry)) return showNote(box, before, t("promptNotSaved"));
    writing.set(prompt, entry);
    showNote(box, entry);
  });

  root.addEventListener("click", (event) => {
    // The target: an element, or perhaps a node without closest (hence its ?.).
    const name = /** @type {HTMLElement | null | undefined} */ (/** @type {Element} */ (event.target).closest?.("[data-another]"))?.dataset
      .another;
    const box = name && boxes.find((b) => b.name === name);
    if (!box) return;
    writing.delete(promptOf(box));
    box.value = "";
    noteFor(box).replaceChildren(t("promptNewAnswer"));
    box.focus();
  });

  // On the page of all the questions: the reader may show only those for one role.
  root.querySelector("[data-roles]")?.addEventListener("change", (event) => {
    const role = /** @type {HTMLSelectElement} */ (event.target).value; // the choice of role
    for (const group of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-group]"))) {
      group.hidden = Boolean(role && group.dataset.roles && !group.dataset.roles.split(" ").includes(role));
    }
  });

  window.addEventListener(
    "storage",
    (event) => {
      if (event.key !== kept.key && event.key !== null) return;
      kept.sync(); // an answer written here at the same moment, and lost by the other's write, is written back
      fill();
    },
    { signal },
  );

  const notices = [...kept.notices];
  const moved = migrateReflections(journal, kept, [spec], scope);
  if (moved.moved) notices.push(t("promptsMigrated", { count: moved.moved }));
  if (moved.failed) notices.push(t("promptsNotMigrated", { count: moved.failed }));
  say(...notices);
  fill();
  root.dataset.enhanced = "true";
  performance.measure("mentorkit:enhance", { start: began });
}
