// Reading answers from the form and writing them back, for every item type, and
// showing an answer as text. The form is the one place answers are typed in.

import { decimalSign, formatDate, formatNumber } from "./format.js";
import { plural, t } from "./messages.js";
import { NOT_APPLICABLE } from "./scoring.js";

const RADIO = ["scale", "choice"];

/** @param {Spec} spec @returns {Map<string, SpecItem>} */
export function itemsById(spec) {
  return new Map(spec.groups.flatMap((group) => group.items.map((item) => [item.id, item])));
}

/** The number a reader typed, read as the page's language writes numbers, or undefined when it is
 * none: a decimal comma in French (where a point is read as one too), a decimal point in English
 * (where "1,5" is no number); spaces between thousands in either. A text field, not <input
 * type=number>: Chromium reads "1,5" typed there as 15, whatever the page's language or the
 * reader's own, and says nothing.
 * @param {string} text @returns {number | undefined} */
export function readNumber(text) {
  const read = text.replace(/\s/g, "").replace(decimalSign(), ".");
  return read && Number.isFinite(+read) ? +read : undefined;
}

/** An answer as its field shows it: a number as the page writes it (2,5 in French).
 * @param {SpecItem} item @param {Answer | undefined} value */
export const inField = (item, value) =>
  value === undefined ? "" : item.type === "number" ? String(value).replace(".", decimalSign()) : String(value);

/** The answer an input now holds, or undefined when it holds none.
 * @param {SpecItem} item @param {HTMLInputElement | HTMLTextAreaElement} input @returns {Answer | undefined} */
export function readInput(item, input) {
  if (RADIO.includes(item.type) && input instanceof HTMLInputElement) {
    if (!input.checked) return undefined;
    return item.type === "scale" && input.value !== NOT_APPLICABLE ? Number(input.value) : input.value;
  }
  if (item.type === "number") return readNumber(input.value);
  return input.value === "" ? undefined : input.value;
}

/** Show these answers in the form; with keepTyped, leave alone what the reader is typing that
 * cannot be kept yet (a number out of range, a date half written): it is in no saved answer.
 * @param {ParentNode} form @param {Spec} spec @param {Answers} answers @param {boolean} [keepTyped] */
export function fill(form, spec, answers, keepTyped = false) {
  const items = itemsById(spec);
  for (const input of form.querySelectorAll(/** @type {"input"} inputs and text areas alike */ ("input, textarea"))) {
    const item = items.get(input.name);
    if (!item || (keepTyped && input.hasAttribute("aria-invalid"))) continue;
    const value = answers[item.id];
    if (RADIO.includes(item.type)) input.checked = value !== undefined && String(value) === input.value;
    else {
      const shown = inField(item, value);
      // untouched when it reads the same (the caret stays put, and "2.50" stays as typed)
      if (input.value !== shown && (item.type !== "number" || readNumber(input.value) !== value)) input.value = shown;
    }
  }
}

/** Why a value the reader typed cannot be kept, or null when it can.
 * @param {SpecItem} item @param {HTMLInputElement | HTMLTextAreaElement} input */
export function misfit(item, input) {
  if (item.type === "number" && input.value.trim()) {
    // none is a misfit too: undefined is neither at least nor at most anything
    const number = /** @type {number} */ (readNumber(input.value));
    if (!(number >= (item.min ?? -Infinity) && number <= (item.max ?? Infinity)))
      return t(
        item.min === null ? (item.max === null ? "numberAny" : "numberUpTo") : item.max === null ? "numberFrom" : "numberBetween",
        /** @type {import("./messages.js").Values} its min and max fill the sentence */ (/** @type {unknown} */ (item)),
      );
  }
  if (item.type === "date" && !input.validity.valid) return t("dateInvalid");
  return null;
}

/** Show or clear the reason beside the input, tied to it for screen readers.
 * @param {HTMLElement} input @param {string | null} reason */
export function markMisfit(input, reason) {
  const id = `${input.id}-error`;
  let note = document.getElementById(id);
  if (reason && !note) {
    note = document.createElement("p");
    note.id = id;
    note.className = "mk-item__error";
    input.closest("[data-item]")?.append(note);
    input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") || ""} ${id}`.trim());
  }
  if (note) note.textContent = reason || "";
  input.toggleAttribute("aria-invalid", Boolean(reason));
}

/** An answer as text: a scale point's or an option's label, a number with its unit, a date as the page writes it.
 * @param {Spec} spec @param {SpecItem} item @param {Answer | undefined} value @returns {string | null} */
export function displayAnswer(spec, item, value) {
  if (value === undefined) return null;
  if (item.type === "scale" && value === NOT_APPLICABLE) return spec.not_applicable || t("notApplicable");
  if (item.type === "scale") return spec.scale?.find((p) => p.value === value)?.label ?? String(value);
  if (item.type === "choice") return item.options?.find((o) => o.value === value)?.label ?? String(value);
  if (item.type === "number") {
    const n = Number(value);
    const unit = item.unit_one && plural(n, "one", "other") === "one" ? item.unit_one : item.unit;
    return unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
  }
  if (item.type === "date") return formatDate(String(value));
  return String(value);
}
