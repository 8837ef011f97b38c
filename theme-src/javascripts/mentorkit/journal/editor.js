// The form of one entry, new or being edited: a copy of its kind's form as the build rendered it
// (labelled fields in the page's language), filled in, checked as it is typed (answers.js) and read
// back into an entry. One form is open at a time; it keeps what was typed until it is saved.

import { inField, markMisfit, misfit, readNumber } from "../answers.js";
import { formatDate, today } from "../format.js";
import { newId } from "../lists.js";
import { t } from "../messages.js";
import { validAnswers } from "../scoring.js";
import { dateOf, newestFirst, titleOf } from "./entries.js";

/** The form's controls of that name: inputs (radio buttons, check boxes), or a textarea or select, whose
 * value, type and checked are read alike (a textarea's and a select's checked: undefined, never set).
 * @param {ParentNode} form @param {string} name */
const controls = (form, name) => /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)]);

/** @param {ParentNode} form @param {SpecItem} item @param {Answer | undefined} value */
function setValue(form, item, value) {
  for (const control of controls(form, item.id)) {
    if (control.type === "radio") control.checked = value !== undefined && control.value === String(value);
    else control.value = inField(item, value);
  }
}

/** @param {ParentNode} form @param {SpecItem} item @returns {Answer | undefined} */
function answerOf(form, item) {
  const [control, ...more] = controls(form, item.id);
  if (!control) return undefined;
  if (more.length || control.type === "radio") return [control, ...more].find((c) => c.checked)?.value;
  if (item.type === "number") return readNumber(control.value);
  return control.value === "" ? undefined : control.value;
}

/** The choices of a link field: the entries of the kinds it links to, newest first.
 * @param {HTMLSelectElement} select @param {Journal} journal @param {Entry[]} entries @param {string | undefined} self */
function linkChoices(select, journal, entries, self) {
  const kinds = /** @type {string} */ (select.dataset.link).split(" "); // found by it: [data-link]
  /** @type {Element} */ (select.firstElementChild).textContent = t("linkNone"); // the build's empty choice
  for (const entry of newestFirst(journal, entries)) {
    if (entry.id === self || !kinds.includes(entry.kind)) continue;
    const kind = journal.kinds.get(entry.kind);
    const name = titleOf(journal, entry) || kind.title;
    select.append(new Option(`${name} (${formatDate(dateOf(journal, entry))})`, entry.id));
  }
}

/**
 * Open the form of `kindId` in `container`, for `entry` or a new one (with `presets`: fields, tags,
 * prompt). `save(entry)` keeps it and says whether the browser did; `close()` is called once done.
 * @param {{ container: Element, root: ParentNode, journal: Journal, kindId: string, entry?: Entry | null,
 *   presets?: { fields?: Answers, tags?: string[], prompt?: string }, entries: Entry[], save: (entry: Entry) => boolean,
 *   unsaved?: (entry: Entry) => void, close: (entry: Entry | null) => void }} editing
 */
export function openEditor({ container, root, journal, kindId, entry, presets = {}, entries, save, unsaved, close }) {
  const kind = journal.kinds.get(kindId);
  // The build renders a form of each kind, with its title, its place for errors and its cancel button.
  const template = /** @type {HTMLTemplateElement} */ (root.querySelector(`template[data-kind-form="${CSS.escape(kindId)}"]`));
  container.replaceChildren(template.content.cloneNode(true));
  const form = /** @type {HTMLFormElement} */ (container.querySelector("form"));
  const title = /** @type {HTMLElement} */ (form.querySelector("[data-form-title]"));
  title.textContent = entry
    ? t("editEntry", { kind: kind.title, date: formatDate(dateOf(journal, entry)) })
    : t("newEntry", { kind: kind.title });
  const error = /** @type {HTMLElement} */ (form.querySelector("[data-form-error]"));
  for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (form.querySelectorAll("select[data-link]")))
    linkChoices(select, journal, entries, entry?.id);

  const fields = entry
    ? entry.fields
    : {
        [kind.entry.date]: today(),
        ...(kind.entry.status ? { [kind.entry.status.item]: kind.entry.status.open[0] } : {}),
        ...presets.fields,
      };
  for (const item of kind.items.values()) setValue(form, item, fields[item.id]);
  const tags = new Set(entry ? entry.tags : presets.tags || []);
  for (const box of controls(form, "tags")) box.checked = tags.has(box.value);
  const prompt = /** @type {HTMLInputElement | null} */ (form.elements.namedItem("prompt")); // a journal's reflection form has one
  if (prompt) prompt.value = (entry ? entry.prompt : presets.prompt) || "";

  let typedSince = false; // what the reader typed is never thrown away without asking
  form.addEventListener("input", (event) => {
    typedSince = true;
    // What is typed in: a control of the form (the others only read alike, as in `controls`).
    const item = kind.items.get(/** @type {HTMLInputElement} */ (event.target).name);
    if (
      item &&
      /** @type {HTMLInputElement} */ (event.target).type !== "radio" &&
      /** @type {HTMLInputElement} */ (event.target).tagName === "INPUT"
    )
      markMisfit(/** @type {HTMLInputElement} */ (event.target), misfit(item, /** @type {HTMLInputElement} */ (event.target)));
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    /** @type {Answers} */
    const typed = {};
    /** @type {HTMLInputElement | null} */
    let wrong = null;
    for (const item of kind.items.values()) {
      const input = controls(form, item.id)[0];
      const reason = input?.tagName === "INPUT" && input.type !== "radio" ? misfit(item, input) : null;
      if (reason) {
        markMisfit(input, reason);
        wrong ??= input;
      }
      const value = answerOf(form, item);
      if (value !== undefined) typed[item.id] = value;
    }
    const kept = validAnswers(kind.own, typed);
    const date = kind.entry.date;
    /** @param {string} sentence @param {HTMLElement | null} [focus] */
    const say = (sentence, focus) => {
      error.textContent = sentence;
      error.hidden = false;
      focus?.focus();
    };
    if (wrong) return say(t("entryFixFields"), wrong);
    if (!kept[date]) return say(t("entryNeedsDate"), controls(form, date)[0]);
    const chosenPrompt = prompt?.value || undefined;
    if (Object.keys(kept).length < 2 && !chosenPrompt)
      return say(t("entryEmpty"), /** @type {HTMLElement | null} */ (form.querySelector("input, textarea, select")));
    const now = new Date().toISOString();
    /** @type {Entry} */
    const made = {
      id: entry ? entry.id : newId(),
      kind: kindId,
      fields: kept,
      tags: controls(form, "tags")
        .filter((box) => box.checked)
        .map((box) => box.value),
      ...(chosenPrompt ? { prompt: chosenPrompt } : {}),
      created: entry?.created || now,
      updated: now,
    };
    if (!save(made)) {
      // Kept nowhere: what was written is offered as a file, right where the reader is told.
      say(t("entryNotSaved"));
      const keep = document.createElement("button");
      Object.assign(keep, { type: "button", className: "md-button", textContent: t("entryDownload") });
      keep.addEventListener("click", () => unsaved?.(made));
      error.append(" ", keep);
      return;
    }
    close(made);
  });
  /** @type {HTMLElement} */ (form.querySelector('[data-action="cancel"]')).addEventListener("click", () => {
    if (!typedSince || window.confirm(t("confirmDiscard"))) close(null);
  });
  title.focus();
  return form;
}
